package io.brandsignal.systemtests.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ScopedCredentials;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapped route of each service called without credentials (issue 12, finding 3): the routes come
 * from each service's OpenAPI document plus the pages, static files, Swagger and actuator, so a route
 * added later is swept too. Each answers {@code 401} (API) or a redirect to the login form (pages),
 * except an exact list of open routes: a newly opened one fails this test until it is added here on
 * purpose.
 */
class UnauthenticatedAccessSecurityTests {

	/** What a closed route answers: {@code 401} on an API, a redirect to the login form on a page. */
	private static final String UNAUTHORIZED = "401";

	private static final String TO_LOGIN = "302 /login";

	/**
	 * Routes anyone may call on the local stack. Actuator: in compose it sits on the management port 9000,
	 * which compose publishes nowhere and the proxy never forwards (docs/operations.md, "Security"); here it
	 * shares the service's port.
	 */
	private static final Set<String> ACTUATOR = Set.of("GET /actuator/health", "GET /actuator/health/liveness",
			"GET /actuator/health/readiness", "GET /actuator/prometheus");

	/**
	 * ingest: the metric catalog is documented open (its OpenAPI operation has no security); the OpenAPI
	 * description and Swagger UI are open on the service but the proxy does not forward them
	 * (docs/operations.md); ingest has no login at all, so actuator's index is open as well.
	 */
	private static final Set<String> INGEST_OPEN = union(ACTUATOR, Set.of("GET /actuator", "GET /api/v1/metrics",
			"GET /v3/api-docs", "GET /swagger-ui.html", "GET /swagger-ui/index.html"));

	/**
	 * dashboard: the login form, its CSS and favicon, and health. Not the Prometheus scrape: it names every
	 * brand, so on the application's port it takes a read key or login that sees every brand (open only on
	 * a separate management port, compose's 9000).
	 */
	private static final Set<String> DASHBOARD_OPEN = Set.of("GET /actuator/health", "GET /actuator/health/liveness",
			"GET /actuator/health/readiness", "GET /login", "GET /assets/css/app.css", "GET /assets/favicon.svg");

	/** scoring serves nothing but actuator, and compose publishes no port of it at all. */
	private static final Set<String> SCORING_OPEN = union(ACTUATOR, Set.of("GET /actuator"));

	private static final List<String> ACTUATOR_ROUTES = List.of("GET /actuator", "GET /actuator/health",
			"GET /actuator/health/liveness", "GET /actuator/health/readiness", "GET /actuator/prometheus");

	private static final List<String> DASHBOARD_PAGES = List.of("GET /", "GET /brands/{brand}",
			"GET /brands/{brand}/fragments/scorecard", "GET /fragments/leaderboard", "GET /api/v1/stream",
			"GET /login", "GET /assets/css/app.css", "GET /assets/favicon.svg", "GET /assets/js/common.js",
			"GET /v3/api-docs", "GET /swagger-ui.html", "GET /swagger-ui/index.html", "GET /campaigns",
			"GET /campaigns.csv", "GET /brands/{brand}/campaigns/{id}", "GET /brands/{brand}/campaigns/new",
			"GET /brands/{brand}/campaigns/{id}/edit", "GET /brands/{brand}/campaigns/{id}/delete");

	private static final List<String> INGEST_EXTRA = List.of("GET /v3/api-docs", "GET /swagger-ui.html",
			"GET /swagger-ui/index.html");

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@Test
	void ingestAnswersUnauthorizedEverywhereButItsDocumentedOpenRoutes() {
		List<String> routes = new ArrayList<>(documentedRoutes(stack.ingestUrl(), null));
		assertThat(routes).as("ingest's OpenAPI document").contains("POST /api/v1/observations", "GET /api/v1/metrics");
		routes.addAll(INGEST_EXTRA);
		routes.addAll(ACTUATOR_ROUTES);
		Map<String, String> outcomes = sweep(stack.ingestUrl(), routes);
		assertThat(openRoutes(outcomes)).as("open routes of ingest in %s", outcomes).isEqualTo(INGEST_OPEN);
		assertThat(outcomes).as("closed routes").containsEntry("POST /api/v1/observations", UNAUTHORIZED)
			.containsEntry("PUT /api/v1/brands/{brand}/campaigns/{id}", UNAUTHORIZED)
			.containsEntry("DELETE /api/v1/brands/{brand}/campaigns/{id}", UNAUTHORIZED);
	}

	@Test
	void dashboardAnswersUnauthorizedOrLoginEverywhereButItsDocumentedOpenRoutes() {
		List<String> api = documentedRoutes(stack.dashboardUrl(), SystemTestStack.basicAuthorization());
		assertThat(api).as("dashboard's OpenAPI document").contains("GET /api/v1/brands",
				"GET /api/v1/brands/{brand}/scorecard", "GET /api/v1/brands/{brand}/series",
				"GET /api/v1/brands/{brand}/series.csv", "GET /api/v1/stream");
		List<String> routes = new ArrayList<>(api);
		routes.addAll(DASHBOARD_PAGES);
		routes.addAll(ACTUATOR_ROUTES);
		Map<String, String> outcomes = sweep(stack.dashboardUrl(), routes);
		assertThat(openRoutes(outcomes)).as("open routes of the dashboard in %s", outcomes).isEqualTo(DASHBOARD_OPEN);
		outcomes.forEach((route, outcome) -> {
			if (DASHBOARD_OPEN.contains(route)) {
				return;
			}
			// API clients and scrapers get a challenge, browsers on pages the login form
			boolean challenged = route.contains(" /api/") || route.startsWith("GET /v3/api-docs")
					|| route.startsWith("GET /actuator");
			assertThat(outcome).as(route).isEqualTo(challenged ? UNAUTHORIZED : TO_LOGIN);
		});
	}

	@Test
	void dashboardServesThePrometheusScrapeOnlyToACallerWhoSeesEveryBrand() {
		URI scrape = stack.dashboardUrl().resolve("/actuator/prometheus");
		assertThat(SystemTestStack.get(scrape).statusCode()).as("no credentials").isEqualTo(401);
		assertThat(SystemTestStack.send(HttpRequest.newBuilder(scrape)
			.header("Authorization", "Bearer " + ScopedCredentials.READ_KEY)
			.build()).statusCode()).as("a read key of one brand").isEqualTo(403);
		HttpResponse<String> everyBrand = SystemTestStack.send(HttpRequest.newBuilder(scrape)
			.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.readKey())
			.build());
		assertThat(everyBrand.statusCode()).as("the read key of every brand").isEqualTo(200);
		assertThat(everyBrand.body()).contains("brandsignal_brands_by_verdict");
	}

	@Test
	void scoringOpensOnlyActuator() {
		assertThat(SystemTestStack.get(stack.scoringUrl().resolve("/v3/api-docs")).statusCode()).isEqualTo(404);
		Map<String, String> outcomes = sweep(stack.scoringUrl(), ACTUATOR_ROUTES);
		assertThat(openRoutes(outcomes)).as("open routes of scoring in %s", outcomes).isEqualTo(SCORING_OPEN);
	}

	/** "METHOD /path" for every operation of the service's OpenAPI document, fetched with the credentials. */
	private static List<String> documentedRoutes(URI service, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve("/v3/api-docs"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = SystemTestStack.send(request.build());
		assertThat(response.statusCode()).as("OpenAPI document of %s", service).isEqualTo(200);
		JsonNode paths = Problems.read(response.body()).path("paths");
		List<String> routes = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				routes.add(method.toUpperCase(Locale.ROOT) + " " + path);
			}
		}
		return routes;
	}

	/** Calls every route without credentials: "401", "302 /login", or the status of an open route. */
	private static Map<String, String> sweep(URI service, List<String> routes) {
		Map<String, String> outcomes = new TreeMap<>();
		for (String route : new TreeSet<>(routes)) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1)
				.replace("{brand}", ScopedCredentials.SCOPED_BRAND)
				.replace("{id}", "sec-campaign");
			HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
				.timeout(Duration.ofSeconds(10))
				.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
			if (method.equals("GET")) {
				request.GET();
			}
			else {
				request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
			}
			HttpResponse<String> response = SystemTestStack.send(request.build());
			outcomes.put(route, outcome(response));
		}
		return outcomes;
	}

	private static String outcome(HttpResponse<String> response) {
		if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
			return TO_LOGIN;
		}
		return Integer.toString(response.statusCode());
	}

	private static Set<String> openRoutes(Map<String, String> outcomes) {
		Set<String> open = new TreeSet<>();
		outcomes.forEach((route, outcome) -> {
			if (!outcome.equals(UNAUTHORIZED) && !outcome.equals(TO_LOGIN)) {
				open.add(route);
			}
		});
		return open;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> all = new TreeSet<>(first);
		all.addAll(second);
		return all;
	}

}
