package io.brandsignal.dashboard.brand.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.ScorecardView;
import io.brandsignal.dashboard.readmodel.BrandSort;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(BrandApiController.class)
@WebSliceTest
class BrandApiControllerTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Brands brands;

	@Test
	void listsBrandsWithTheAskedVerdictInTheAskedOrder() throws Exception {
		serve(Verdict.VANITY_TRAP, BrandSort.IMPACT_SCORE,
				BrandSummary.of(Fixtures.scorecard("alpha", Verdict.VANITY_TRAP, 50.0, 0.0, 80.0, 30.0, T1)),
				BrandSummary.of(Fixtures.scorecard("bravo", Verdict.VANITY_TRAP, 40.0, -5.0, 90.0, 10.0, T1)));

		this.mvc.perform(get("/api/v1/brands?verdict=vanity_trap&sort=impactScore").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].brand").value("alpha"))
			.andExpect(jsonPath("$[0].verdict").value("VANITY_TRAP"))
			.andExpect(jsonPath("$[0].verdictLabel").value("Vanity trap"))
			.andExpect(jsonPath("$[0].impactScore").value(30.0))
			.andExpect(jsonPath("$[1].brand").value("bravo"))
			.andExpect(jsonPath("$[1].outcomeGrowthPercent").value(-5.0));
	}

	@Test
	void pagesTheBrandListWithTheTotalAndALinkToTheNextPage() throws Exception {
		serve(null, BrandSort.BRAND,
				BrandSummary.of(Fixtures.scorecard("alpha", Verdict.STEADY, T1)),
				BrandSummary.of(Fixtures.scorecard("bravo", Verdict.STEADY, T1)),
				BrandSummary.of(Fixtures.scorecard("charlie", Verdict.STEADY, T1)));

		this.mvc.perform(get("/api/v1/brands?limit=2").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].brand").value(contains("alpha", "bravo")))
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(header().string("Link", "<http://localhost/api/v1/brands?limit=2&offset=2>; rel=\"next\""));
		this.mvc.perform(get("/api/v1/brands?limit=2&offset=2").with(tester()))
			.andExpect(jsonPath("$[*].brand").value(contains("charlie")))
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(header().doesNotExist("Link"));
	}

	@Test
	void answersALimitOrOffsetOutOfRangeWithBadRequestProblem() throws Exception {
		for (String query : List.of("limit=0", "limit=501", "offset=-1")) {
			this.mvc.perform(get("/api/v1/brands?" + query).with(tester()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void answersUnknownVerdictWithBadRequestProblem() throws Exception {
		this.mvc.perform(get("/api/v1/brands?verdict=famous").with(tester()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unknown-verdict"))
			.andExpect(jsonPath("$.title").value("Unknown verdict"));
	}

	@Test
	void answersUnknownSortWithBadRequestProblem() throws Exception {
		this.mvc.perform(get("/api/v1/brands?sort=loudest").with(tester()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unknown-sort"))
			.andExpect(jsonPath("$.title").value("Unknown sort"));
	}

	@Test
	void servesTheWholeScorecardOfABrand() throws Exception {
		given(this.brands.scorecard("acme"))
			.willReturn(ScorecardView.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1)));

		this.mvc.perform(get("/api/v1/brands/acme/scorecard").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.brand").value("acme"))
			.andExpect(jsonPath("$.asOf").value("2026-11-20"))
			.andExpect(jsonPath("$.explanation").value("Followers grew 50% while sales stayed flat."))
			.andExpect(jsonPath("$.evidence.bestLagDays").value(3))
			.andExpect(jsonPath("$.evidence.pValue").value(0.62))
			.andExpect(jsonPath("$.evidence.elasticity").isEmpty())
			.andExpect(jsonPath("$.evidence.effect")
				.value("No significant lead of growth in followers over sales revenue (p = 0.62)."))
			.andExpect(jsonPath("$.vanityGrowthPercent").value(50.0))
			.andExpect(jsonPath("$.vanityMarginPercent").value(3.0))
			.andExpect(jsonPath("$.vanityTrend").value("UP"))
			.andExpect(jsonPath("$.vanityGrowth").value("+50.0 % ± 3.0 %"))
			.andExpect(jsonPath("$.vanitySummary").value("Audience: up — +50.0 % ± 3.0 %"))
			.andExpect(jsonPath("$.outcomeTrend").value("FLAT"))
			.andExpect(jsonPath("$.outcomeSummary").value("Outcomes: flat — +0.0 % ± 2.0 %"))
			.andExpect(jsonPath("$.metrics[1].growth").value("+0.0 % ± 2.0 %"))
			.andExpect(jsonPath("$.metrics[1].marginPercent").value(2.0))
			.andExpect(jsonPath("$.metrics[1].channels").value(1))
			.andExpect(jsonPath("$.metrics[0].metric").value("followers"))
			.andExpect(jsonPath("$.flags[0]").value("FOLLOWER_SPIKE"))
			.andExpect(jsonPath("$.scoredAt").value("2026-11-20T10:00:00Z"));
	}

	@Test
	void servesTheEffectWithItsConfidenceIntervalWhenTheLeadIsSignificant() throws Exception {
		given(this.brands.scorecard("proven")).willReturn(ScorecardView.of(Fixtures.provenScorecard("proven", T1)));

		this.mvc.perform(get("/api/v1/brands/proven/scorecard").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evidence.elasticity").value(0.8))
			.andExpect(jsonPath("$.evidence.elasticityLow").value(0.3))
			.andExpect(jsonPath("$.evidence.elasticityHigh").value(1.3))
			.andExpect(jsonPath("$.evidence.effect").value("Each 1 % of growth in followers brings +0.8 % sales revenue "
					+ "(95 % CI 0.3 to 1.3) about 7 days later (p = 0.002)."));
	}

	@Test
	void listsBrandsWithTheirGrowthInWordsAndTheAudienceUnknownWhenNotReported() throws Exception {
		serve(null, BrandSort.BRAND, BrandSummary.of(Fixtures.outcomesOnlyScorecard("shop", T1)));

		this.mvc.perform(get("/api/v1/brands").with(tester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].vanityGrowthPercent").isEmpty())
			.andExpect(jsonPath("$[0].vanityGrowth").value("n/a"))
			.andExpect(jsonPath("$[0].vanityTrend").value("UNKNOWN"))
			.andExpect(jsonPath("$[0].vanitySummary").value("Audience: unknown — no audience metric reported"))
			.andExpect(jsonPath("$[0].outcomeGrowth").value("-25.0 % ± 6.0 %"))
			.andExpect(jsonPath("$[0].outcomeMarginPercent").value(6.0))
			.andExpect(jsonPath("$[0].outcomeSummary").value("Outcomes: down — -25.0 % ± 6.0 %"));
	}

	@Test
	void answersUnknownBrandWithNotFoundProblem() throws Exception {
		given(this.brands.scorecard("nobody")).willThrow(Brands.unknown("nobody"));

		this.mvc.perform(get("/api/v1/brands/nobody/scorecard").with(tester()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unknown-brand"))
			.andExpect(jsonPath("$.title").value("Unknown brand"))
			.andExpect(jsonPath("$.brand").value("nobody"));
	}

	@Test
	void challengesApiClientsWithoutCredentialsForAReadKeyOrBasicAuth() throws Exception {
		this.mvc.perform(get("/api/v1/brands"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					"Bearer realm=\"brandsignal dashboard\", Basic realm=\"brandsignal dashboard\""))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unauthorized"));
	}

	@Test
	void readKeyListsOnlyTheBrandsItMayReadAndGetsNoSession() throws Exception {
		serve(null, BrandSort.BRAND,
				BrandSummary.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1)),
				BrandSummary.of(Fixtures.scorecard("globex", Verdict.STEADY, T1)));

		MvcResult result = this.mvc.perform(get("/api/v1/brands").header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].brand").value(contains("acme")))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void answersABrandOutsideTheKeysScopeExactlyLikeAnUnknownBrand() throws Exception {
		given(this.brands.scorecard("globex"))
			.willReturn(ScorecardView.of(Fixtures.scorecard("globex", Verdict.VANITY_TRAP, T1)));
		given(this.brands.scorecard("nobody")).willThrow(Brands.unknown("nobody"));

		String outside = this.mvc.perform(get("/api/v1/brands/globex/scorecard").header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = this.mvc.perform(get("/api/v1/brands/nobody/scorecard").header("Authorization", "Bearer bsr_test_acme_key"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(outside.replace("globex", "nobody")).isEqualTo(unknown);
	}

	@Test
	void refusesAnUnknownReadKeyWithAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/brands").header("Authorization", "Bearer bsr_test_acme_kez"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unauthorized"))
			.andExpect(jsonPath("$.detail").value("Unknown read key"));
	}

	@Test
	void basicCallOfAPersonCreatesNoSession() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/v1/brands").with(tester()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void sessionOfAPersonLoggedInOnThePagesOpensTheApiForThePagesScripts() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user("tester").password("test-password"))
			.andReturn()
			.getRequest()
			.getSession(false);
		assertThat(session).isNotNull();

		this.mvc.perform(get("/api/v1/brands").session(session)).andExpect(status().isOk());
	}

	@Test
	void personScopedToAGroupSeesTheGroupsBrandsAndTheirOwn() throws Exception {
		// agent: @clients (acme, globex) and solo
		serve(null, BrandSort.BRAND,
				BrandSummary.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1)),
				BrandSummary.of(Fixtures.scorecard("globex", Verdict.STEADY, T1)),
				BrandSummary.of(Fixtures.scorecard("initech", Verdict.STEADY, T1)),
				BrandSummary.of(Fixtures.scorecard("solo", Verdict.STEADY, T1)));

		this.mvc.perform(get("/api/v1/brands").with(httpBasic("agent", "test-password")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].brand").value(contains("acme", "globex", "solo")));
		this.mvc.perform(get("/api/v1/brands/initech/scorecard").with(httpBasic("agent", "test-password")))
			.andExpect(status().isNotFound());
	}

	@Test
	void rejectsWrongPassword() throws Exception {
		this.mvc.perform(get("/api/v1/brands").with(httpBasic("tester", "wrong"))).andExpect(status().isUnauthorized());
	}

	/**
	 * Lets the mocked {@link Brands} answer pages as the database does: the stored brands with the verdict,
	 * in the stored order, only those in the caller's scope, then sliced.
	 */
	private void serve(Verdict verdict, BrandSort sort, BrandSummary... stored) {
		given(this.brands.page(eq(verdict), eq(sort), any(), anyInt(), anyLong())).willAnswer((call) -> {
			BrandScope scope = call.getArgument(2);
			int limit = call.getArgument(3);
			long offset = call.getArgument(4);
			return Arrays.stream(stored).filter((summary) -> scope.includes(summary.brand())).skip(offset).limit(limit).toList();
		});
		given(this.brands.count(eq(verdict), any())).willAnswer((call) -> {
			BrandScope scope = call.getArgument(1);
			return (int) Arrays.stream(stored).filter((summary) -> scope.includes(summary.brand())).count();
		});
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor tester() {
		return httpBasic("tester", "test-password");
	}

}
