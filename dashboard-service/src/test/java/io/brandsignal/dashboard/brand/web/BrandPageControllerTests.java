package io.brandsignal.dashboard.brand.web;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.brand.ScorecardView;
import io.brandsignal.dashboard.campaign.Campaigns;
import io.brandsignal.dashboard.web.Formats;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(BrandPageController.class)
@WebSliceTest
class BrandPageControllerTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Brands brands;

	// no campaigns: a mock answers every brand's list empty
	@MockitoBean
	private Campaigns campaigns;

	@MockitoSpyBean
	private Formats formats;

	@Test
	@WithMockUser("tester")
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
			.andExpect(content().string(containsString("<dd>+50.0 % ± 3.0 %</dd>")))
			.andExpect(content().string(containsString("<li id=\"audience-trend\">Audience: up — +50.0 % ± 3.0 %</li>")))
			.andExpect(content().string(containsString("<li id=\"outcome-trend\">Outcomes: flat — +0.0 % ± 2.0 %</li>")))
			.andExpect(content().string(containsString(
					">No significant lead of growth in followers over sales revenue (p = 0.62).</p>")))
			.andExpect(content().string(containsString("<td class=\"num\">+50.0 % ± 3.0 %</td>")))
			.andExpect(content().string(containsString("id=\"growth-chart\"")))
			.andExpect(content().string(containsString("<script src=\"/assets/_static/echarts/5.6.0/dist/echarts.min.js")))
			// the first range preset is the series API's default, pressed until another is chosen
			.andExpect(content().string(containsString(
					"<button type=\"button\" class=\"preset\" aria-pressed=\"true\" data-days=\"28\">28 days</button>")))
			.andExpect(content().string(containsString("href=\"/api/v1/brands/acme/series.csv\"")));
	}

	@Test
	@WithMockUser("tester")
	void showsTheEffectOfASignificantLeadWithItsConfidenceInterval() throws Exception {
		given(this.brands.findScorecard("proven"))
			.willReturn(Optional.of(ScorecardView.of(Fixtures.provenScorecard("proven", Instant.parse("2026-11-20T10:00:00Z")))));

		this.mvc.perform(get("/brands/proven"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Each 1 % of growth in followers brings +0.8 % sales revenue "
					+ "(95 % CI 0.3 to 1.3) about 7 days later (p = 0.002).</p>")))
			.andExpect(content().string(containsString("<dd>0.8</dd>")))
			.andExpect(content().string(containsString("<dd>0.3 to 1.3</dd>")))
			.andExpect(content().string(containsString("<li id=\"audience-trend\">Audience: up — +20.0 % ± 3.5 %</li>")))
			.andExpect(content().string(containsString("<li id=\"outcome-trend\">Outcomes: up — +15.0 % ± 4.0 %</li>")))
			// followers came from two channels
			.andExpect(content().string(containsString("<td class=\"num\">+20.0 % ± 3.5 %</td>\n"
					+ "                    <td class=\"num\">28</td>\n                    <td class=\"num\">2</td>")));
	}

	@Test
	@WithMockUser("tester")
	void saysTheAudienceIsUnknownForABrandThatReportsOnlyOutcomes() throws Exception {
		given(this.brands.findScorecard("shop")).willReturn(
				Optional.of(ScorecardView.of(Fixtures.outcomesOnlyScorecard("shop", Instant.parse("2026-11-20T10:00:00Z")))));

		this.mvc.perform(get("/brands/shop"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Audience: unknown — no audience metric reported</li>")))
			.andExpect(content().string(containsString(">Outcomes: down — -25.0 % ± 6.0 %</li>")))
			.andExpect(content().string(containsString("<dd>n/a</dd>")))
			.andExpect(content().string(containsString(
					">No significant lead of audience growth over sales revenue: too little data (0 paired days).</p>")));
	}

	@Test
	@WithMockUser("tester")
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
	@WithMockUser("tester")
	void showsBrandWithDataButNoScorecardYet() throws Exception {
		given(this.brands.findScorecard("fresh")).willReturn(Optional.empty());
		given(this.brands.exists("fresh")).willReturn(true);

		this.mvc.perform(get("/brands/fresh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This brand has data but no scorecard yet.")));
	}

	@Test
	@WithMockUser("tester")
	void rendersThePageOncePerScorecardAndGivesEveryReaderItsOwnCsrfToken() throws Exception {
		given(this.brands.findScorecard("kept")).willReturn(Optional.of(
				ScorecardView.of(Fixtures.scorecard("kept", Verdict.VANITY_TRAP, Instant.parse("2026-11-20T10:00:00Z")))));

		MvcResult first = this.mvc.perform(get("/brands/kept")).andExpect(status().isOk()).andReturn();
		MvcResult second = this.mvc.perform(get("/brands/kept"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andReturn();

		String firstToken = csrfToken(first);
		String secondToken = csrfToken(second);
		assertThat(secondToken).isNotEqualTo(firstToken);
		assertThat(second.getResponse().getContentAsString())
			.isEqualTo(first.getResponse().getContentAsString().replace(firstToken, secondToken));
		// vanity index and impact score, each formatted once: the second reader got the kept copy
		verify(this.formats, times(2)).score(any());
	}

	@Test
	@WithMockUser("tester")
	void keptPageCarriesATokenThatLogsItsReaderOut() throws Exception {
		given(this.brands.findScorecard("logout")).willReturn(Optional.of(
				ScorecardView.of(Fixtures.scorecard("logout", Verdict.STEADY, Instant.parse("2026-11-20T10:00:00Z")))));
		MockHttpSession firstReader = new MockHttpSession();
		MockHttpSession secondReader = new MockHttpSession();
		String firstToken = hiddenCsrfField(this.mvc.perform(get("/brands/logout").session(firstReader)).andReturn());
		String secondToken = hiddenCsrfField(
				this.mvc.perform(get("/brands/logout").session(secondReader)).andReturn());

		this.mvc.perform(post("/logout").session(secondReader).param("_csrf", firstToken))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").session(secondReader).param("_csrf", secondToken))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void readKeyIsNoLoginForPages() throws Exception {
		this.mvc.perform(get("/brands/acme").header("Authorization", "Bearer bsr_test_all_key").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithMockUser("tester")
	void keptPageOfABrandOutsideTheReadersScopeIsNotFound() throws Exception {
		given(this.brands.findScorecard("initech")).willReturn(Optional.of(
				ScorecardView.of(Fixtures.scorecard("initech", Verdict.VANITY_TRAP, Instant.parse("2026-11-20T10:00:00Z")))));
		this.mvc.perform(get("/brands/initech")).andExpect(status().isOk());

		// agent may see acme, globex and solo: the kept copy of initech's page is not for them
		this.mvc.perform(get("/brands/initech").with(user("agent")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(">Vanity trap</span>"))));
		this.mvc.perform(get("/brands/initech/fragments/scorecard").with(user("agent")))
			.andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser("tester")
	void rendersThePageAgainOnceTheScorecardChanged() throws Exception {
		given(this.brands.findScorecard("rescored")).willReturn(
				Optional.of(ScorecardView
					.of(Fixtures.scorecard("rescored", Verdict.VANITY_TRAP, Instant.parse("2026-11-20T10:00:00Z")))),
				Optional.of(ScorecardView
					.of(Fixtures.scorecard("rescored", Verdict.BRAND_BUILDER, Instant.parse("2026-11-21T10:00:00Z")))));
		this.mvc.perform(get("/brands/rescored")).andExpect(content().string(containsString(">Vanity trap</span>")));

		this.mvc.perform(get("/brands/rescored"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Brand builder</span>")))
			.andExpect(content().string(not(containsString(">Vanity trap</span>"))));
	}

	@Test
	@WithMockUser("tester")
	void answersUnknownBrandWithNotFoundPage() throws Exception {
		given(this.brands.findScorecard("nobody")).willReturn(Optional.empty());
		given(this.brands.exists("nobody")).willReturn(false);

		this.mvc.perform(get("/brands/nobody"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Brand not found")));
	}

	private static String csrfToken(MvcResult result) throws Exception {
		String token = ((CsrfToken) result.getRequest().getAttribute(CsrfToken.class.getName())).getToken();
		assertThat(result.getResponse().getContentAsString()).contains("value=\"" + token + "\"");
		return token;
	}

	private static String hiddenCsrfField(MvcResult result) throws Exception {
		Matcher field = CSRF_FIELD.matcher(result.getResponse().getContentAsString());
		assertThat(field.find()).as("a hidden _csrf field").isTrue();
		return field.group(1);
	}

	@Test
	@WithMockUser
	void servesTheBundledChartScriptAPatchedEChartsWithoutTheTooltipXss() throws Exception {
		// ECharts 5.5.1 fixed the tooltip XSS of 5.3.x; the page points at the script of 5.6.0, served here
		this.mvc.perform(get("/assets/_static/echarts/5.6.0/dist/echarts.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5.6.0")));
	}

}
