package io.brandsignal.dashboard.brand.web;

import java.util.List;

import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read keys' rate limit (two calls, then one per hour) and the counter of API calls by key and
 * outcome.
 */
@WebMvcTest(BrandApiController.class)
@WebSliceTest
@Import(SimpleMeterRegistry.class)
@TestPropertySource(properties = { "brandsignal.dashboard.read-rate-limit.capacity=2",
		"brandsignal.dashboard.read-rate-limit.refill-tokens=1",
		"brandsignal.dashboard.read-rate-limit.refill-period=1h" })
class ReadKeyLimitsTests {

	private static final String ALL_KEY = "Bearer bsr_test_all_key";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry registry;

	@MockitoBean
	private Brands brands;

	@Test
	void limitsEachReadKeyAndCountsEveryCallByKeyAndOutcome() throws Exception {
		given(this.brands.scorecard("nobody")).willThrow(Brands.unknown("nobody"));

		this.mvc.perform(get("/api/v1/brands").header("Authorization", ALL_KEY)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/brands/nobody/scorecard").header("Authorization", ALL_KEY))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/brands").header("Authorization", ALL_KEY))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "3600"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:rate-limited"));
		// another key has a budget of its own; people are not limited by the read keys' budget
		this.mvc.perform(get("/api/v1/brands").header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/brands").with(httpBasic("tester", "test-password"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/brands").header("Authorization", "Bearer not-a-key"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/brands")).andExpect(status().isUnauthorized());

		assertThat(calls("all-bi", "200")).isEqualTo(1);
		assertThat(calls("all-bi", "404")).isEqualTo(1);
		assertThat(calls("all-bi", "429")).isEqualTo(1);
		assertThat(calls("acme-bi", "200")).isEqualTo(1);
		assertThat(calls("people", "200")).isEqualTo(1);
		assertThat(calls("unknown", "401")).isEqualTo(1);
		assertThat(calls("anonymous", "401")).isEqualTo(1);
	}

	private double calls(String key, String outcome) {
		return this.registry.get("brandsignal.dashboard.api.calls").tag("key", key).tag("outcome", outcome).counter().count();
	}

}
