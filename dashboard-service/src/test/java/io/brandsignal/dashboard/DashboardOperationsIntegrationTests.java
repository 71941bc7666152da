package io.brandsignal.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.testsupport.openapi.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and API clients rely on besides the data: health open, everything else (Prometheus
 * included, on the application's port) behind a login, business gauges and request metrics exported, the
 * API described with OpenAPI.
 */
class DashboardOperationsIntegrationTests extends AbstractDashboardIntegrationTests {

	@Test
	void observesRequestsAndLoginsButNotEachSecurityFilter() throws Exception {
		assertThat(get("/api/v1/brands").statusCode()).isEqualTo(200);

		assertThat(get("/actuator/prometheus").body())
			.contains("http_server_requests_seconds_count{application=\"dashboard-service\"")
			.contains("spring_security_authentications_seconds_count")
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authorizations");
	}

	@Test
	void exportsTheConsumerLagOfTheReadModel() throws Exception {
		assertThat(get("/actuator/prometheus").body())
			.contains("kafka_consumer_fetch_manager_records_lag_max{application=\"dashboard-service\"");
	}

	@Test
	void exportsBusinessGaugesForEveryVerdictAndBrand() throws Exception {
		send(Fixtures.scorecard("gauged", Verdict.DECLINING, 0.0, -20.0, 30.0, 12.5, T1));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String metrics = get("/actuator/prometheus").body();
			assertThat(metrics).contains("brandsignal_brand_impact_score{application=\"dashboard-service\",brand=\"gauged\"} 12.5")
				.contains("brandsignal_brand_vanity_index{application=\"dashboard-service\",brand=\"gauged\"} 30.0")
				.contains("brandsignal_brands_by_verdict{application=\"dashboard-service\",verdict=\"INSUFFICIENT_DATA\"} 0.0")
				.containsPattern("brandsignal_brands_by_verdict\\{application=\"dashboard-service\",verdict=\"DECLINING\"} [1-9]");
		});
	}

	@Test
	void servesHealthWithoutCredentialsAndEverythingElseOnlyWithThem() throws Exception {
		assertThat(anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(anonymous("/api/v1/brands").statusCode()).isEqualTo(401);
		assertThat(anonymous("/v3/api-docs").statusCode()).isEqualTo(401);
		assertThat(anonymous("/actuator").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/brands").statusCode()).isEqualTo(200);
	}

	@Test
	void servesPrometheusOnTheApplicationPortOnlyToCallersWhoSeeEveryBrand() throws Exception {
		// Here actuator shares the application's port, as on the local launcher: the scrape names every brand.
		HttpResponse<String> anonymous = anonymous("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).contains("Basic realm="));
		assertThat(anonymous.body()).doesNotContain("brandsignal_brand");
		assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
		// 'agent' and the read key acme-bi see some brands only (config/application.properties)
		assertThat(as("/actuator/prometheus", basic("agent")).statusCode()).isEqualTo(403);
		assertThat(as("/actuator/prometheus", "Bearer bsr_test_acme_key").statusCode()).isEqualTo(403);
		assertThat(as("/actuator/prometheus", "Bearer bsr_test_all_key").body()).contains("brandsignal_brands_by_verdict");
		assertThat(get("/actuator/prometheus").body()).contains("brandsignal_brands_by_verdict");
	}

	private HttpResponse<String> as(String path, String authorization) throws Exception {
		return http().send(authorized(path).setHeader("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":test-password").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void setsTheSessionCookieHttpOnlyAndSameSiteLax() throws Exception {
		// the login form keeps its CSRF token in a new session
		HttpResponse<String> login = anonymous("/login");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("; HttpOnly")
			.containsIgnoringCase("; SameSite=Lax"));
	}

	@Test
	void describesTheApiWithOpenApi() throws Exception {
		HttpResponse<String> apiDocs = get("/v3/api-docs");

		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/api/v1/brands\"", "\"/api/v1/brands/{brand}/scorecard\"",
				"\"/api/v1/brands/{brand}/series\"", "\"/api/v1/brands/{brand}/series.csv\"", "\"/api/v1/stream\"",
				"\"/api/v1/campaigns\"", "\"/api/v1/brands/{brand}/campaigns/{id}\"", "\"audienceLiftPercent\"",
				"\"carryOver\"",
				"\"vanityMarginPercent\"", "\"vanitySummary\"", "Audience: unknown — no audience metric reported",
				"\"elasticityLow\"", "\"effect\"");
		// every operation takes a read key or a person's Basic login; the caller's brand scope is no parameter
		assertThat(OpenApiDocuments.securityByOperation(apiDocs.body())).hasSize(7)
			.allSatisfy((operation, security) -> assertThat(security)
				.isEqualTo("[{\"readKey\":[]},{\"basic\":[]}]"));
		assertThat(apiDocs.body()).contains("\"readKey\":{\"type\":\"http\"", "\"scheme\":\"bearer\"")
			.doesNotContain("BrandScope");
		assertThat(OpenApiDocuments.license(apiDocs.body())).contains("\"name\":\"Proprietary\"");
		OpenApiDocuments.keep(apiDocs.body(), "dashboard");
	}

}
