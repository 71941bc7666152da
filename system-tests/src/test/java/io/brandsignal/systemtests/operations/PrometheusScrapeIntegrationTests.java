package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes the running services exactly as the compose stack's does (same
 * {@code /actuator/prometheus} path, same alert rules): all three targets are up, the business gauges
 * carry the dashboard's numbers for a brand posted through ingest, and every alert rule evaluates on
 * the real series without error.
 */
class PrometheusScrapeIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String BRAND = "ops-prometheus-trap";

	private static LocalStack stack;

	private static PrometheusServer prometheus;

	@BeforeAll
	static void startPrometheusScrapingTheStack() throws IOException {
		stack = SystemTestStack.get();
		Map<String, URI> targets = new LinkedHashMap<>();
		targets.put("ingest-service", stack.ingestUrl());
		targets.put("scoring-service", stack.scoringUrl());
		targets.put("dashboard-service", stack.dashboardUrl());
		Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
		prometheus = PrometheusServer.start(Files.createTempDirectory(target, "prometheus-it-"), targets,
				RepositoryFiles.alertRules());
	}

	@AfterAll
	static void stopPrometheus() {
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@Test
	void scrapesAllThreeServicesAsUp() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode up = prometheus.query("up");
			Map<String, String> byJob = new LinkedHashMap<>();
			up.forEach((series) -> byJob.put(series.path("metric").path("job").asString(),
					series.path("value").get(1).asString()));
			assertThat(byJob).containsExactlyInAnyOrderEntriesOf(
					Map.of("ingest-service", "1", "scoring-service", "1", "dashboard-service", "1"));
		});
		assertThat(prometheus.activeTargets()).hasSize(3)
			.allSatisfy((target) -> assertThat(target.path("health").asString()).isEqualTo("up"));
	}

	@Test
	void recordsTheVanityIndexTheDashboardShowsForABrandPostedThroughIngest() {
		// Followers 1000 + 20 a day for 28 days (+54%), sales flat at 100 a day: audience growth without
		// outcomes, a VANITY_TRAP by the rules in DESIGN.md.
		String trap = new ObservationsJson()
			.daily(BRAND, "followers", "instagram", LocalDate.of(2026, 8, 1), 28, (day) -> 1000 + 20 * day)
			.daily(BRAND, "sales_revenue", "shop", LocalDate.of(2026, 8, 1), 28, (day) -> 100)
			.toString();
		assertThat(SystemTestStack.postObservations(stack, trap).statusCode()).isEqualTo(202);
		JsonNode scorecard = SystemTestStack.awaitScorecard(stack, BRAND, "VANITY_TRAP");
		double vanityIndex = scorecard.get("vanityIndex").asDouble();
		double impactScore = scorecard.get("impactScore").asDouble();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(prometheus.query("brandsignal_brand_vanity_index{brand=\"" + BRAND + "\"}"))
				.singleElement()
				.satisfies((series) -> {
					assertThat(series.path("metric").path("job").asString()).isEqualTo("dashboard-service");
					assertThat(series.path("metric").path("application").asString()).isEqualTo("dashboard-service");
					assertThat(series.path("value").get(1).asDouble()).isCloseTo(vanityIndex, within(1e-9));
				});
			assertThat(prometheus.query("brandsignal_brand_impact_score{brand=\"" + BRAND + "\"}"))
				.singleElement()
				.satisfies((series) -> assertThat(series.path("value").get(1).asDouble()).isCloseTo(impactScore,
						within(1e-9)));
			assertThat(prometheus.query("brandsignal_brands_by_verdict{verdict=\"VANITY_TRAP\"}"))
				.singleElement()
				.satisfies((series) -> assertThat(series.path("value").get(1).asDouble())
					.isEqualTo(brandsInVerdict("VANITY_TRAP")));
		});
	}

	@Test
	void evaluatesEveryAlertRuleOnTheRealSeriesWithoutError() {
		int alertRules = PrometheusRulesTests.alertRules().size();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode groups = prometheus.ruleGroups();
			int evaluated = 0;
			for (JsonNode group : groups) {
				for (JsonNode rule : group.path("rules")) {
					assertThat(rule.path("health").asString()).as("%s: %s", rule.path("name").asString(),
							rule.path("lastError").asString()).isEqualTo("ok");
					evaluated++;
				}
			}
			assertThat(evaluated).isEqualTo(alertRules);
		});
		// Every service is up, so neither availability alert stays pending or firing (an evaluation that ran
		// before a service's first scrape may have set one pending; the next evaluation clears it).
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
				prometheus.query("ALERTS{alertname=~\"BrandsignalServiceDown|BrandsignalServiceMissing\"}"))
			.isEmpty());
	}

	/** How many brands the dashboard's API lists with {@code verdict}. */
	private static double brandsInVerdict(String verdict) {
		HttpResponse<String> response = SystemTestStack.getFromDashboard(stack, "/api/v1/brands");
		assertThat(response.statusCode()).isEqualTo(200);
		int count = 0;
		for (JsonNode brand : json.readTree(response.body())) {
			if (verdict.equals(brand.path("verdict").asString())) {
				count++;
			}
		}
		return count;
	}

}
