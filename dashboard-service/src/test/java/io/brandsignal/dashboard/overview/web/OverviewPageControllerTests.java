package io.brandsignal.dashboard.overview.web;

import java.time.Instant;
import java.util.List;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.overview.Leaderboard;
import io.brandsignal.dashboard.overview.Sparkline;
import io.brandsignal.dashboard.readmodel.BrandSort;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OverviewPageController.class)
@WebSliceTest
class OverviewPageControllerTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Leaderboard leaderboard;

	@Test
	void sendsVisitorsWithoutLoginToTheLoginPage() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithMockUser("tester")
	void showsEveryBrandWithItsVerdictInWordsAndTheCountsPerVerdict() throws Exception {
		given(this.leaderboard.page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 50, 0))
			.willReturn(page(0, 1, row("acme", Verdict.VANITY_TRAP)));
		given(this.leaderboard.counts(BrandScope.ALL)).willReturn(List.of(
				new Leaderboard.VerdictCount(Verdict.BRAND_BUILDER, "Brand builder", "Both grow.", 0),
				new Leaderboard.VerdictCount(Verdict.VANITY_TRAP, "Vanity trap", "Audience only.", 1)));

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/brands/acme\"")))
			.andExpect(content().string(containsString(">Vanity trap</span>")))
			.andExpect(content().string(containsString("<strong class=\"count\">1</strong>")))
			.andExpect(content().string(containsString("<td class=\"num\">80.0</td>")))
			.andExpect(content().string(containsString("<td class=\"num\"><span>+50.0 % ± 3.0 %</span><br><span "
					+ "class=\"trend\">up</span></td>")))
			.andExpect(content().string(containsString("<td class=\"num\"><span>+0.0 % ± 2.0 %</span><br><span "
					+ "class=\"trend\">flat</span></td>")))
			.andExpect(content().string(containsString("id=\"quadrant\"")))
			.andExpect(content().string(containsString("viewBox=\"0 0 100 24\" width=\"100\" height=\"24\"")))
			.andExpect(content().string(containsString("/assets/_static/echarts/5.6.0/dist/echarts.min.js")));
	}

	@Test
	@WithMockUser("tester")
	void filtersAndSortsTheLeaderboardAsAsked() throws Exception {
		given(this.leaderboard.page(Verdict.VANITY_TRAP, BrandSort.VANITY_INDEX, BrandScope.ALL, 50, 0))
			.willReturn(page(0, 1, row("acme", Verdict.VANITY_TRAP)));
		given(this.leaderboard.counts(BrandScope.ALL)).willReturn(List.of());

		this.mvc.perform(get("/fragments/leaderboard?verdict=VANITY_TRAP&sort=vanityIndex"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"leaderboard\"")))
			.andExpect(content().string(containsString("<option value=\"VANITY_TRAP\" selected=\"selected\">")))
			.andExpect(content().string(containsString("href=\"/brands/acme\"")))
			.andExpect(content().string(not(containsString("id=\"quadrant\""))));
	}

	@Test
	@WithMockUser("tester")
	void escapesMarkupInBrandNames() throws Exception {
		given(this.leaderboard.page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 50, 0))
			.willReturn(page(0, 1, row("<script>alert(1)</script>", Verdict.STEADY)));
		given(this.leaderboard.counts(BrandScope.ALL)).willReturn(List.of());

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	@WithMockUser("tester")
	void showsOnePageOfTheLeaderboardWithLinksToTheOthers() throws Exception {
		// 5 brands, 2 a page, the second page shown: rows 3 and 4, pages 1 to 3
		given(this.leaderboard.page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 2, 2))
			.willReturn(new Leaderboard.Page(List.of(row("acme", Verdict.STEADY), row("globex", Verdict.STEADY)), 5, 2, 2));
		given(this.leaderboard.counts(BrandScope.ALL)).willReturn(List.of());

		this.mvc.perform(get("/?limit=2&offset=2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Brands 3–4 of 5")))
			.andExpect(content().string(containsString("<nav class=\"pager\" aria-label=\"Leaderboard pages\">")))
			.andExpect(content().string(containsString(
					"<a rel=\"prev\" href=\"/?sort=impactScore&amp;limit=2&amp;offset=0\">Previous</a>")))
			.andExpect(content().string(containsString(
					"<a rel=\"next\" href=\"/?sort=impactScore&amp;limit=2&amp;offset=4\">Next</a>")))
			.andExpect(content().string(containsString(
					"<a href=\"/?sort=impactScore&amp;limit=2&amp;offset=2\" aria-label=\"Page 2\" aria-current=\"page\">2</a>")))
			.andExpect(content().string(containsString(
					"<a href=\"/?sort=impactScore&amp;limit=2&amp;offset=4\" aria-label=\"Page 3\">3</a>")))
			// applying a filter keeps the page size and starts again at the first page
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"limit\" value=\"2\">")))
			.andExpect(content().string(containsString("data-limit=\"2\" data-offset=\"2\"")));
	}

	@Test
	@WithMockUser("tester")
	void boundsThePageSizeAndForgivesBadPagingParameters() throws Exception {
		given(this.leaderboard.page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 200, 0))
			.willReturn(page(0, 0));
		given(this.leaderboard.page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 50, 0))
			.willReturn(page(0, 0));
		given(this.leaderboard.counts(BrandScope.ALL)).willReturn(List.of());

		this.mvc.perform(get("/?limit=1000000")).andExpect(status().isOk());
		this.mvc.perform(get("/?limit=abc&offset=-5")).andExpect(status().isOk());
		this.mvc.perform(get("/?limit=0&offset=x")).andExpect(status().isOk());

		verify(this.leaderboard).page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 200, 0);
		verify(this.leaderboard, times(2)).page(null, BrandSort.IMPACT_SCORE, BrandScope.ALL, 50, 0);
	}

	@Test
	@WithMockUser("tester")
	void servesOneBrandsRowAloneForLiveUpdates() throws Exception {
		given(this.leaderboard.row("acme", BrandScope.ALL)).willReturn(row("acme", Verdict.VANITY_TRAP));

		this.mvc.perform(get("/fragments/leaderboard/rows/acme"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<tr data-brand=\"acme\">")))
			.andExpect(content().string(containsString("href=\"/brands/acme\"")))
			.andExpect(content().string(containsString("points=\"0.0,23.0 100.0,1.0\"")))
			.andExpect(content().string(not(containsString("id=\"leaderboard\""))));
	}

	@Test
	@WithMockUser("tester")
	void answersNotFoundForTheRowOfABrandTheReaderMayNotSee() throws Exception {
		given(this.leaderboard.row("globex", BrandScope.ALL)).willThrow(Brands.unknown("globex"));

		this.mvc.perform(get("/fragments/leaderboard/rows/globex")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser("tester")
	void refusesLogoutWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/logout")).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/login?logout"));
	}

	private static Leaderboard.Page page(int offset, int total, Leaderboard.Row... rows) {
		return new Leaderboard.Page(List.of(rows), total, 50, offset);
	}

	private static Leaderboard.Row row(String brand, Verdict verdict) {
		return new Leaderboard.Row(
				BrandSummary.of(Fixtures.scorecard(brand, verdict, 50.0, 0.0, 80.0, 10.0, T1)),
				new Sparkline("0.0,23.0 100.0,1.0", "0.0,12.0 100.0,12.0", "Audience from 100 to 150."));
	}

}
