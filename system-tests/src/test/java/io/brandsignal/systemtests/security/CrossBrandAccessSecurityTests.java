package io.brandsignal.systemtests.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.ScopedCredentials;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.brandsignal.systemtests.ScopedCredentials.SCOPED_BRAND;
import static io.brandsignal.systemtests.SystemTestStack.awaitScorecard;
import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static io.brandsignal.systemtests.security.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys and people scoped to one brand (issue 12, finding 6, API1): an ingest key writes only its brands,
 * and a dashboard user or read key sees only theirs, everywhere, with {@code 404} for the rest so the
 * others' existence is not revealed either.
 */
class CrossBrandAccessSecurityTests {

	/** Scored, so a caller who may see everything finds it; the scoped callers must not. */
	private static final String OTHER_BRAND = "sec-bravo";

	/** Never scored: the scoped ingest key tries to write it. */
	private static final String FORBIDDEN_BRAND = "sec-charlie";

	private static final LocalDate START = LocalDate.of(2026, 10, 1);

	private static final List<String> BRAND_API_PATHS = List.of("/api/v1/brands/%s/scorecard",
			"/api/v1/brands/%s/series", "/api/v1/brands/%s/series.csv");

	private static LocalStack stack;

	@BeforeAll
	static void scoreBothBrands() {
		stack = SystemTestStack.get();
		assertThat(postObservations(stack, fourWeeks(SCOPED_BRAND)).statusCode()).isEqualTo(202);
		assertThat(postObservations(stack, fourWeeks(OTHER_BRAND)).statusCode()).isEqualTo(202);
		awaitScorecard(stack, SCOPED_BRAND, "VANITY_TRAP");
		awaitScorecard(stack, OTHER_BRAND, "VANITY_TRAP");
	}

	@Test
	void scopedIngestKeyCannotWriteAnotherBrandAndPublishesNothingOfTheBatch() {
		// One batch with an item of its own brand and one of another: all or nothing, so nothing is published.
		String mixed = new ObservationsJson()
			.daily(SCOPED_BRAND, "followers", "instagram", START.plusDays(40), 1, (day) -> 1)
			.daily(FORBIDDEN_BRAND, "followers", "instagram", START, 28, (day) -> 1000 + 20 * day)
			.toString();
		JsonNode problem = assertProblem(postWithScopedKey(mixed), 403, "brand-out-of-scope");
		assertThat(problem.path("brands").toString()).contains(FORBIDDEN_BRAND).doesNotContain(SCOPED_BRAND);

		// Its own brand it may write; once that later batch is scored, the refused one would have been too.
		String own = new ObservationsJson()
			.daily(SCOPED_BRAND, "followers", "instagram", START.plusDays(28), 1, (day) -> 1560)
			.daily(SCOPED_BRAND, "sales_revenue", "shop", START.plusDays(28), 1, (day) -> 100)
			.toString();
		assertThat(postWithScopedKey(own).statusCode()).isEqualTo(202);
		awaitScorecard(stack, SCOPED_BRAND,
				(card) -> assertThat(card.path("asOf").asString()).isEqualTo("2026-10-29"));
		assertThat(getFromDashboard(stack, "/api/v1/brands/" + FORBIDDEN_BRAND + "/scorecard").statusCode())
			.isEqualTo(404);
		assertThat(getFromDashboard(stack, "/api/v1/brands").body()).doesNotContain(FORBIDDEN_BRAND);
	}

	@Test
	void scopedUserSeesOwnBrandAndNotFoundForAnotherEverywhere() {
		String user = ScopedCredentials.VIEWER.basicAuthorization();
		assertScopedToOwnBrand(user);
		assertThat(get("/brands/" + SCOPED_BRAND, user, "text/html").statusCode()).isEqualTo(200);
		assertThat(get("/brands/" + OTHER_BRAND, user, "text/html").statusCode()).isEqualTo(404);
		assertThat(get("/brands/" + OTHER_BRAND + "/fragments/scorecard", user, "text/html").statusCode())
			.isEqualTo(404);
		HttpResponse<String> overview = get("/", user, "text/html");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains(SCOPED_BRAND).doesNotContain(OTHER_BRAND);
		HttpResponse<String> leaderboard = get("/fragments/leaderboard", user, "text/html");
		assertThat(leaderboard.body()).doesNotContain(OTHER_BRAND);
	}

	@Test
	void scopedReadKeySeesOwnBrandAndNotFoundForAnother() {
		assertScopedToOwnBrand("Bearer " + ScopedCredentials.READ_KEY);
	}

	@Test
	void readKeyIsNoLoginOnThePages() {
		for (String page : List.of("/", "/brands/" + SCOPED_BRAND)) {
			HttpResponse<String> response = get(page, "Bearer " + ScopedCredentials.READ_KEY, "text/html");
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		}
	}

	@Test
	void callerWhoMaySeeEveryBrandSeesBoth() {
		// The control: the 404s above come from the scope, not from a brand that is missing.
		for (String brand : List.of(SCOPED_BRAND, OTHER_BRAND)) {
			for (String path : BRAND_API_PATHS) {
				assertThat(get(path.formatted(brand), SystemTestStack.basicAuthorization(), "*/*").statusCode()).as(path, brand)
					.isEqualTo(200);
			}
		}
	}

	private static void assertScopedToOwnBrand(String authorization) {
		for (String path : BRAND_API_PATHS) {
			assertThat(get(path.formatted(SCOPED_BRAND), authorization, "*/*").statusCode()).as(path).isEqualTo(200);
			assertThat(get(path.formatted(OTHER_BRAND), authorization, "*/*").statusCode()).as(path).isEqualTo(404);
			assertThat(get(path.formatted(FORBIDDEN_BRAND), authorization, "*/*").statusCode()).as(path).isEqualTo(404);
		}
		JsonNode brands = Problems.read(get("/api/v1/brands", authorization, "application/json").body());
		assertThat(brands.findValuesAsString("brand")).containsExactly(SCOPED_BRAND);
	}

	/** Followers 1000 + 20 a day for 28 days, sales flat at 100: a vanity trap (EndToEndTests works it out). */
	private static String fourWeeks(String brand) {
		return new ObservationsJson().daily(brand, "followers", "instagram", START, 28, (day) -> 1000 + 20 * day)
			.daily(brand, "sales_revenue", "shop", START, 28, (day) -> 100)
			.toString();
	}

	private static HttpResponse<String> postWithScopedKey(String body) {
		return SystemTestStack.send(HttpRequest.newBuilder(stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + ScopedCredentials.INGEST_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> get(String path, String authorization, String accept) {
		return SystemTestStack.send(HttpRequest.newBuilder(stack.dashboardUrl().resolve(path))
			.header("Authorization", authorization)
			.header("Accept", accept)
			.GET()
			.build());
	}

}
