package io.brandsignal.systemtests;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import io.brandsignal.launcher.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.brandsignal.systemtests.SystemTestStack.awaitScorecard;
import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole journey on a real broker and a real PostgreSQL: systems post metrics to ingest-service
 * over HTTP, scoring-service scores them, and the marketing team reads the verdicts from
 * dashboard-service. Expected values are worked out by hand from the posted numbers.
 */
class EndToEndTests {

	private static final LocalDate START = LocalDate.of(2026, 10, 1);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@Test
	void scoresAudienceGrowthWithoutSalesAsVanityTrapAndWithSalesAsBrandBuilder() {
		// Both brands: followers 1000 + 20 per day for 28 days, so 1000 on day 0 and 1540 on day 27 (+54%).
		// The trap's sales stay at 100 a day; the builder's rise from 100 to 150 a day halfway through.
		// The builder reports followers on two channels whose sum is the same 1000 + 20 per day.
		String trap = new ObservationsJson()
			.daily("e2e-trap", "followers", "instagram", START, 28, (day) -> 1000 + 20 * day)
			.daily("e2e-trap", "sales_revenue", "shop", START, 28, (day) -> 100)
			.toString();
		String builder = new ObservationsJson()
			.daily("e2e-builder", "followers", "instagram", START, 28, (day) -> 600 + 10 * day)
			.daily("e2e-builder", "followers", "tiktok", START, 28, (day) -> 400 + 10 * day)
			.daily("e2e-builder", "sales_revenue", "shop", START, 28, (day) -> (day < 14) ? 100 : 150)
			.toString();

		assertThat(postObservations(stack, trap).statusCode()).isEqualTo(202);
		assertThat(postObservations(stack, builder).statusCode()).isEqualTo(202);
		// A retry of the same batch replaces cells; it must never double count.
		assertThat(postObservations(stack, trap).statusCode()).isEqualTo(202);

		JsonNode trapCard = awaitScorecard(stack, "e2e-trap", "VANITY_TRAP");
		assertThat(trapCard.get("asOf").asString()).isEqualTo("2026-10-28");
		assertThat(trapCard.get("windowDays").asInt()).isEqualTo(28);
		assertFollowersGrewFrom1000To1540(trapCard);

		JsonNode builderCard = awaitScorecard(stack, "e2e-builder", "BRAND_BUILDER");
		assertFollowersGrewFrom1000To1540(builderCard);

		JsonNode brands = json.readTree(getFromDashboard(stack, "/api/v1/brands").body());
		assertThat(brands.findValuesAsString("brand")).contains("e2e-trap", "e2e-builder");
	}

	@Test
	void refusesToWriteWithoutAnApiKeyAndToReadWithoutALogin() {
		HttpResponse<String> anonymousPost = SystemTestStack.send(HttpRequest
			.newBuilder(stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(new ObservationsJson()
				.daily("e2e-anonymous", "followers", "all", START, 1, (day) -> 1)
				.toString()))
			.build());
		assertThat(anonymousPost.statusCode()).isEqualTo(401);
		assertThat(anonymousPost.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> anonymousRead = SystemTestStack.get(stack.dashboardUrl().resolve("/api/v1/brands"));
		assertThat(anonymousRead.statusCode()).isEqualTo(401);
	}

	static void assertFollowersGrewFrom1000To1540(JsonNode scorecard) {
		JsonNode followers = null;
		for (JsonNode metric : scorecard.get("metrics")) {
			if (metric.get("metric").asString().equals("followers")) {
				followers = metric;
			}
		}
		assertThat(followers).as("followers growth in %s", scorecard).isNotNull();
		assertThat(followers.get("startValue").asDouble()).isEqualTo(1000.0);
		assertThat(followers.get("endValue").asDouble()).isEqualTo(1540.0);
		assertThat(followers.get("growthPercent").asDouble()).isCloseTo(54.0, within(1e-9));
	}

}
