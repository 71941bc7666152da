package io.brandsignal.dashboard.overview.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The overview on the real read model: one page of the leaderboard at a time, and single rows for live
 * updates, each only of the brands the reader may see.
 */
class OverviewIntegrationTests extends AbstractDashboardIntegrationTests {

	@Test
	void pagesTheLeaderboardByImpactScoreWithTheSparklinesOfThePagesBrands() throws Exception {
		// impact scores above any other test's brands, so these three lead the shared leaderboard: c, b, a
		send(Fixtures.scorecard("ov-page-a", Verdict.BRAND_BUILDER, 10.0, 20.0, 5.0, 99.91, T1));
		send(Fixtures.scorecard("ov-page-b", Verdict.BRAND_BUILDER, 10.0, 20.0, 5.0, 99.92, T1));
		send(Fixtures.scorecard("ov-page-c", Verdict.BRAND_BUILDER, 10.0, 20.0, 5.0, 99.93, T1));
		send(Fixtures.rollup("ov-page-c", "2026-11-20", Map.of("followers", 100.0)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/?limit=2").body())
			.contains("data-brand=\"ov-page-c\"", "data-brand=\"ov-page-b\"")
			.containsPattern("aria-label=\"Audience from 100 to 100, outcomes unknown"));

		String first = get("/?limit=2").body();
		assertThat(first).doesNotContain("ov-page-a")
			.contains("<a rel=\"next\" href=\"/?sort=impactScore&amp;limit=2&amp;offset=2\">Next</a>");
		assertThat(first.indexOf("data-brand=\"ov-page-c\"")).isLessThan(first.indexOf("data-brand=\"ov-page-b\""));
		String second = get("/?limit=2&offset=2").body();
		assertThat(second).contains("data-brand=\"ov-page-a\"").doesNotContain("ov-page-b", "ov-page-c");
	}

	@Test
	void servesARowOnlyOfABrandTheReaderMaySeeAndNotFoundForOthers() throws Exception {
		// 'agent' sees acme, globex and solo (config/application.properties)
		send(Fixtures.scorecard("solo", Verdict.STEADY, T1));
		send(Fixtures.scorecard("ov-hidden", Verdict.STEADY, T1));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/fragments/leaderboard/rows/ov-hidden").statusCode()).isEqualTo(200));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(asAgent("/fragments/leaderboard/rows/solo").statusCode()).isEqualTo(200));

		assertThat(asAgent("/fragments/leaderboard/rows/solo").body()).contains("<tr data-brand=\"solo\">");
		HttpResponse<String> hidden = asAgent("/fragments/leaderboard/rows/ov-hidden");
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).doesNotContain("Steady");
		assertThat(asAgent("/fragments/leaderboard/rows/ov-nobody").statusCode()).isEqualTo(404);
		String overview = asAgent("/?limit=200").body();
		assertThat(overview).contains("data-brand=\"solo\"").doesNotContain("ov-hidden");
	}

	private HttpResponse<String> asAgent(String path) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("agent:test-password".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = authorized(path).setHeader("Authorization", "Basic " + credentials).build();
		return http().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
