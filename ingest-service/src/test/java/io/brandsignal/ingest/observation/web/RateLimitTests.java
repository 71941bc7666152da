package io.brandsignal.ingest.observation.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-key token bucket: with a burst of 2 requests and 1 request regained per hour, a key's third
 * request is refused with {@code 429} and {@code Retry-After: 3600}, while another key still gets through.
 */
@WebMvcTest(controllers = ObservationController.class,
		properties = { "brandsignal.ingest.rate-limit.capacity=2", "brandsignal.ingest.rate-limit.refill-tokens=1",
				"brandsignal.ingest.rate-limit.refill-period=1h" })
@Import(WebSliceTestConfiguration.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class RateLimitTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesThirdRequestOfAKeyWithRetryAfterButNotOtherKeys() throws Exception {
		String shop = "Bearer " + WebSliceTestConfiguration.SHOP_KEY;
		this.mvc.perform(request(shop)).andExpect(status().isAccepted());
		this.mvc.perform(request(shop)).andExpect(status().isAccepted());
		this.mvc.perform(request(shop))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "3600"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:rate-limited"))
			.andExpect(jsonPath("$.detail").value("Rate limit of API key 'shop' exceeded; retry after 3600 s"));
		this.mvc.perform(request("Bearer " + WebSliceTestConfiguration.AGENCY_KEY)).andExpect(status().isAccepted());
	}

	private static MockHttpServletRequestBuilder request(String authorization) {
		return post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ObservationControllerTests.validBatch("acme"));
	}

}
