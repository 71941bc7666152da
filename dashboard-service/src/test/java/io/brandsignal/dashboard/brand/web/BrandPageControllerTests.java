package io.brandsignal.dashboard.brand.web;

import java.time.Instant;
import java.util.Optional;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.ScorecardView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(BrandPageController.class)
@WebSliceTest
class BrandPageControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Brands brands;

	@Test
	@WithMockUser
	void showsVerdictExplanationFlagsAndConversionEvidence() throws Exception {
		given(this.brands.findScorecard("acme")).willReturn(Optional.of(
				ScorecardView.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, Instant.parse("2026-11-20T10:00:00Z")))));

		this.mvc.perform(get("/brands/acme"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-brand=\"acme\"")))
			.andExpect(content().string(containsString(">Vanity trap</span>")))
			.andExpect(content().string(containsString("Followers grew 50% while sales stayed flat.")))
			.andExpect(content().string(containsString("<li>FOLLOWER_SPIKE</li>")))
			.andExpect(content().string(containsString("<dd>3 days</dd>")))
			.andExpect(content().string(containsString("<dd>0.620</dd>")))
			.andExpect(content().string(containsString("<dd>27 days</dd>")))
			.andExpect(content().string(containsString("id=\"growth-chart\"")))
			.andExpect(content().string(containsString("href=\"/api/v1/brands/acme/series.csv\"")));
	}

	@Test
	@WithMockUser
	void escapesMarkupInTheBrandNameAndExplanation() throws Exception {
		String brand = "\"><img src=x onerror=alert(1)>";
		given(this.brands.findScorecard(brand)).willReturn(Optional.of(ScorecardView.of(
				Fixtures.scorecard(brand, Verdict.STEADY, Instant.parse("2026-11-20T10:00:00Z")))));

		this.mvc.perform(get("/brands/{brand}", brand))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("<img src=x"))));
	}

	@Test
	@WithMockUser
	void showsBrandWithDataButNoScorecardYet() throws Exception {
		given(this.brands.findScorecard("fresh")).willReturn(Optional.empty());
		given(this.brands.exists("fresh")).willReturn(true);

		this.mvc.perform(get("/brands/fresh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This brand has data but no scorecard yet.")));
	}

	@Test
	@WithMockUser
	void answersUnknownBrandWithNotFoundPage() throws Exception {
		given(this.brands.findScorecard("nobody")).willReturn(Optional.empty());
		given(this.brands.exists("nobody")).willReturn(false);

		this.mvc.perform(get("/brands/nobody"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Brand not found")));
	}

}
