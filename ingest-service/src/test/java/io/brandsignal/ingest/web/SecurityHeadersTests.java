package io.brandsignal.ingest.web;

import io.brandsignal.ingest.catalog.web.MetricCatalogController;
import io.brandsignal.ingest.observation.web.ObservationController;
import io.brandsignal.ingest.observation.web.WebSliceTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API answers, successful or not, tell browsers not to sniff, cache, render or frame them.
 */
@WebMvcTest(controllers = { ObservationController.class, MetricCatalogController.class })
@Import(WebSliceTestConfiguration.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class SecurityHeadersTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void catalogAnswerCarriesTheSecurityHeaders() throws Exception {
		expectSecurityHeaders(this.mvc.perform(get("/api/v1/metrics")).andExpect(status().isOk()));
	}

	@Test
	void problemAnswerCarriesTheSecurityHeaders() throws Exception {
		expectSecurityHeaders(this.mvc
			.perform(post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized()));
	}

	private static void expectSecurityHeaders(ResultActions answer) throws Exception {
		answer.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
	}

}
