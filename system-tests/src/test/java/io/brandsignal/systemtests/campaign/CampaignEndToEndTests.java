package io.brandsignal.systemtests.campaign;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaigns through the product's own doors: a system defines a campaign and posts its brand's metrics
 * to ingest-service over HTTP, scoring measures the campaign's lift, and the marketing team reads the
 * verdict, lift and cost from dashboard-service's API and campaign page. The lifts are injected by this
 * test, so the expected verdicts and sizes come from the posted numbers, not from the estimator.
 */
class CampaignEndToEndTests {

	/** 120 days of history; both campaigns start on day 90 and run two weeks, data ends a week after. */
	private static final LocalDate START = LocalDate.of(2026, 6, 1);

	private static final int DAYS = 111;

	private static final int CAMPAIGN_START = 90;

	private static final int CAMPAIGN_END = 103;

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@Test
	void aPromotionThatLiftsSalesThirtyPercentMovedOutcomesAndItsSpendBuysEurosOfSales() {
		// Followers flat at 20,000 with noise; sales 1,000 a day times a weekend cycle and 5 % noise, times 1.3 during
		// the promotion (days 90-103) and back to 1 after: 14 days x ~1,030 x 0.3 = about 4,300 extra euros.
		Random noise = new Random(11);
		String body = new ObservationsJson()
			.daily("e2e-camp-promo", "followers", "instagram", START, DAYS,
					(day) -> Math.round(20_000 + 20 * noise.nextGaussian()))
			.daily("e2e-camp-promo", "sales_revenue", "shop", START, DAYS,
					(day) -> Math.round(1_000 * weekend(day) * (inCampaign(day) ? 1.3 : 1)
							* (1 + 0.05 * noise.nextGaussian())))
			.toString();
		assertThat(postObservations(stack, body).statusCode()).isEqualTo(202);
		assertThat(defineCampaign("e2e-camp-promo", "summer-sale", """
				{"name":"Summer sale","kind":"PROMOTION","startDate":"%s","endDate":"%s","channels":["shop"],
				 "spend":2000,"currency":"EUR"}""").statusCode()).isEqualTo(202);

		JsonNode result = SystemTestStack.awaitCampaign(stack, "e2e-camp-promo", "summer-sale", "MOVED_OUTCOMES");

		JsonNode sales = metric(result, "sales_revenue");
		assertThat(sales.path("state").asString()).isEqualTo("ESTIMATED");
		JsonNode during = sales.path("during");
		// the injected +30 % lies within the interval of the campaign's own days, and the interval is above 0
		assertThat(during.path("relativeLowPercent").asDouble()).isBetween(0.0, 30.0);
		assertThat(during.path("relativeHighPercent").asDouble()).isGreaterThan(30.0);
		assertThat(during.path("pValue").asDouble()).isLessThanOrEqualTo(0.05);
		assertThat(result.path("spend").asDouble()).isEqualTo(2000.0);
		assertThat(result.path("explanation").asString()).isNotBlank();

		HttpResponse<String> page = SystemTestStack.send(HttpRequest
			.newBuilder(stack.dashboardUrl().resolve("/brands/e2e-camp-promo/campaigns/summer-sale"))
			.header("Authorization", SystemTestStack.basicAuthorization())
			.header("Accept", "text/html")
			.GET()
			.build());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Summer sale").contains("sales_revenue");
	}

	@Test
	void aGiveawayThatAddsFollowersWithoutSalesBoughtAttentionAtAboutOneEuroPerFollower() {
		// Followers 10,000 growing 5 a day with noise, plus 1,000 bought on the giveaway's third day that stay; sales flat
		// with their weekend cycle. Spend 1,000 EUR for about 1,000 extra followers: about 1 EUR each.
		Random noise = new Random(12);
		String body = new ObservationsJson()
			.daily("e2e-camp-giveaway", "followers", "instagram", START, DAYS,
					(day) -> Math.round(10_000 + 5 * day + ((day >= CAMPAIGN_START + 2) ? 1_000 : 0)
							+ 10 * noise.nextGaussian()))
			.daily("e2e-camp-giveaway", "sales_revenue", "shop", START, DAYS,
					(day) -> Math.round(800 * weekend(day) * (1 + 0.05 * noise.nextGaussian())))
			.toString();
		assertThat(postObservations(stack, body).statusCode()).isEqualTo(202);
		assertThat(defineCampaign("e2e-camp-giveaway", "follow-and-win", """
				{"name":"Follow and win","kind":"GIVEAWAY","startDate":"%s","endDate":"%s","channels":["instagram"],
				 "spend":1000,"currency":"EUR"}""").statusCode()).isEqualTo(202);

		JsonNode result = SystemTestStack.awaitCampaign(stack, "e2e-camp-giveaway", "follow-and-win", "BOUGHT_ATTENTION");

		JsonNode followers = metric(result, "followers");
		assertThat(followers.path("total").path("low").asDouble()).isBetween(0.0, 1_000.0);
		assertThat(followers.path("total").path("high").asDouble()).isGreaterThan(1_000.0);
		JsonNode cost = null;
		for (JsonNode candidate : result.path("costs")) {
			if (candidate.path("metric").asString().equals("followers")) {
				cost = candidate;
			}
		}
		assertThat(cost).as("cost per incremental follower").isNotNull();
		// costs carry 4 significant digits: the true 1.000 may be an end of the interval
		assertThat(cost.path("low").asDouble()).as(cost.toString()).isLessThanOrEqualTo(1.0);
		assertThat(cost.path("high").isNull() || cost.path("high").asDouble() >= 1.0).as(cost.toString()).isTrue();

		// the campaign is gone from the dashboard once deleted
		HttpResponse<String> deleted = SystemTestStack.send(HttpRequest
			.newBuilder(stack.ingestUrl().resolve("/api/v1/brands/e2e-camp-giveaway/campaigns/follow-and-win"))
			.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.apiKey())
			.DELETE()
			.build());
		assertThat(deleted.statusCode()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
				getFromDashboard(stack, "/api/v1/brands/e2e-camp-giveaway/campaigns/follow-and-win").statusCode())
			.isEqualTo(404));
	}

	private static boolean inCampaign(int day) {
		return day >= CAMPAIGN_START && day <= CAMPAIGN_END;
	}

	/** Sales by weekday: a quarter more on Saturdays and Sundays. */
	private static double weekend(int day) {
		DayOfWeek weekday = START.plusDays(day).getDayOfWeek();
		return (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) ? 1.25 : 1.0;
	}

	private static HttpResponse<String> defineCampaign(String brand, String id, String template) {
		String body = String.format(template, START.plusDays(CAMPAIGN_START), START.plusDays(CAMPAIGN_END));
		return SystemTestStack.send(HttpRequest
			.newBuilder(stack.ingestUrl().resolve("/api/v1/brands/" + brand + "/campaigns/" + id))
			.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.apiKey())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static JsonNode metric(JsonNode result, String name) {
		for (JsonNode metric : result.path("metrics")) {
			if (metric.path("metric").asString().equals(name)) {
				return metric;
			}
		}
		throw new AssertionError("no lift for " + name + " in " + result);
	}

}
