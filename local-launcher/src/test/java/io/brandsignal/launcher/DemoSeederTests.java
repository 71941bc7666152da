package io.brandsignal.launcher;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo data's design, checked against the constants it was built from (growth rates, weekday
 * factors, the spike), never against a scorer.
 */
class DemoSeederTests {

	/** A Thursday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private static final LocalDate WINDOW_START = TODAY.minusDays(27);

	private final List<DemoSeeder.Observation> observations = DemoSeeder.demoObservations(TODAY);

	@Test
	void seedsSixBrandsEndingTodayEachWithItsMixOfMetricsAndChannels() {
		Map<String, Set<String>> channels = this.observations.stream()
			.collect(Collectors.groupingBy(DemoSeeder.Observation::brand,
					Collectors.mapping((o) -> o.metric() + "/" + o.channel(), Collectors.toSet())));

		assertThat(channels).containsOnlyKeys("northwind-coffee", "glitter-gadgets", "oak-and-iron", "fading-fashion",
				"steady-state-tea", "new-kid-cola");
		assertThat(channels.get("northwind-coffee")).containsExactlyInAnyOrder("followers/instagram", "followers/tiktok",
				"engagements/instagram", "sales_revenue/shop", "sales_revenue/marketplace", "orders/shop");
		assertThat(channels.get("glitter-gadgets")).containsExactlyInAnyOrder("followers/instagram", "followers/tiktok",
				"likes/instagram", "sales_revenue/shop", "sales_revenue/marketplace", "orders/shop");
		assertThat(channels.get("oak-and-iron")).containsExactlyInAnyOrder("followers/instagram", "followers/tiktok",
				"likes/instagram", "sales_revenue/shop", "orders/shop");
		assertThat(channels.get("fading-fashion")).containsExactlyInAnyOrder("followers/instagram",
				"followers/facebook", "likes/instagram", "sales_revenue/shop", "sales_revenue/marketplace", "orders/shop");
		assertThat(channels.get("steady-state-tea")).containsExactlyInAnyOrder("followers/instagram",
				"followers/tiktok", "likes/instagram", "sales_revenue/shop", "orders/shop", "brand_awareness/survey");
		assertThat(channels.get("new-kid-cola")).containsExactly("followers/instagram");
		assertThat(this.observations).allSatisfy((o) -> assertThat(o.date()).isBetween(TODAY.minusDays(179), TODAY));
		assertThat(dates("new-kid-cola", "followers", "instagram")).containsExactly(TODAY.minusDays(2),
				TODAY.minusDays(1), TODAY);
	}

	@Test
	void reportsEachChannelAtItsOwnCadence() {
		assertThat(dates("northwind-coffee", "followers", "instagram")).hasSize(180);
		assertThat(dates("northwind-coffee", "sales_revenue", "marketplace")).hasSize(180);
		List<LocalDate> tiktok = dates("glitter-gadgets", "followers", "tiktok");
		// 180 days ending on a Thursday hold 26 Mondays, the first on 2026-06-01
		assertThat(tiktok).hasSize(26).allSatisfy((day) -> assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
		assertThat(tiktok.get(0)).isEqualTo(LocalDate.of(2026, 6, 1));
		List<LocalDate> survey = dates("steady-state-tea", "brand_awareness", "survey");
		assertThat(survey).containsExactly(TODAY.minusDays(3 + 2 * 86), TODAY.minusDays(3 + 86), TODAY.minusDays(3));
	}

	@Test
	void sellsMostOnWeekendsAndEngagesMostOnPostingMondays() {
		// weekday factors 0.85, 0.90, 0.95 (Mon-Wed) against 1.25, 1.15 (Sat, Sun): 1.2 / 0.9 = 1.33
		double weekend = mean("steady-state-tea", "sales_revenue", weekday(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
		double early = mean("steady-state-tea", "sales_revenue",
				weekday(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY));
		assertThat(weekend / early).isCloseTo(1.33, within(0.05));
		// posting factors 1.6 on Mondays against 0.85 from Wednesday to Sunday: 1.88
		double mondays = mean("steady-state-tea", "likes", weekday(DayOfWeek.MONDAY));
		double quiet = mean("steady-state-tea", "likes", weekday(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
		assertThat(mondays / quiet).isCloseTo(1.88, within(0.1));
	}

	@Test
	void movesEachBrandInTheLastFourWeeksAsItsVerdictNeeds() {
		// the window's last week against its first (the same weekdays), three weeks of growth apart:
		// exp(21 * daily log growth) from the design; a flat flow's weekly sum varies by about 4%
		assertThat(lastWeekOverFirst("northwind-coffee", "followers", "instagram")).isGreaterThan(1.15); // 1.15+
		assertThat(lastWeekOverFirst("northwind-coffee", "sales_revenue", null)).isGreaterThan(1.15); // 1.20
		assertThat(lastWeekOverFirst("northwind-coffee", "orders", null)).isGreaterThan(1.12);
		assertThat(lastWeekOverFirst("glitter-gadgets", "followers", "instagram")).isGreaterThan(1.2); // 1.17 * 1.08
		assertThat(lastWeekOverFirst("glitter-gadgets", "likes", null)).isCloseTo(1, within(0.12));
		assertThat(lastWeekOverFirst("glitter-gadgets", "sales_revenue", null)).isCloseTo(1, within(0.12));
		assertThat(lastWeekOverFirst("oak-and-iron", "followers", "instagram")).isCloseTo(1, within(0.01));
		assertThat(lastWeekOverFirst("oak-and-iron", "sales_revenue", null)).isGreaterThan(1.12); // 1.195
		assertThat(lastWeekOverFirst("fading-fashion", "followers", "instagram")).isLessThan(1.0);
		assertThat(lastWeekOverFirst("fading-fashion", "sales_revenue", null)).isLessThan(0.85); // 0.79
		assertThat(lastWeekOverFirst("steady-state-tea", "followers", "instagram")).isCloseTo(1, within(0.01));
		assertThat(lastWeekOverFirst("steady-state-tea", "sales_revenue", null)).isCloseTo(1, within(0.12));
		assertThat(lastWeekOverFirst("steady-state-tea", "likes", null)).isCloseTo(1, within(0.12));
	}

	@Test
	void givesTheVanityTrapBrandAnEightPercentOneDayJumpOnInstagramWithFlatEngagement() {
		List<DemoSeeder.Observation> followers = series("glitter-gadgets", "followers", "instagram");
		int spike = 0;
		for (int day = 1; day < followers.size(); day++) {
			double change = followers.get(day).value() / followers.get(day - 1).value() - 1;
			if (change > 0.05) {
				assertThat(spike).as("only one jump").isZero();
				spike = day;
			}
			else {
				// an ordinary day: at most the design's 0.75% growth plus noise
				assertThat(Math.abs(change)).isLessThan(0.015);
			}
		}
		LocalDate date = followers.get(spike).date();
		assertThat(date).isEqualTo(LocalDate.of(2026, 11, 18)).isAfter(WINDOW_START);
		assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
		assertThat(followers.get(spike).value() / followers.get(spike - 1).value()).isCloseTo(1.08 * 1.0075,
				within(0.006));
		// likes on the jump day and the next against the same weekdays a week earlier
		Map<LocalDate, Double> likes = series("glitter-gadgets", "likes", "instagram").stream()
			.collect(Collectors.toMap(DemoSeeder.Observation::date, DemoSeeder.Observation::value));
		assertThat(likes.get(date) / likes.get(date.minusDays(7))).isBetween(0.75, 1.3);
		assertThat(likes.get(date.plusDays(1)) / likes.get(date.plusDays(1).minusDays(7)))
			.isBetween(0.75, 1.3);
		// TikTok, reported weekly, has no jump
		List<DemoSeeder.Observation> tiktok = series("glitter-gadgets", "followers", "tiktok");
		for (int week = 1; week < tiktok.size(); week++) {
			assertThat(tiktok.get(week).value() / tiktok.get(week - 1).value()).isCloseTo(Math.exp(0.004 * 7),
					within(0.001));
		}
	}

	@Test
	void definesAGiveawayAroundTheFollowerJumpAndAPromotionThatLiftsSalesEachWithSpend() {
		List<DemoSeeder.Campaign> campaigns = DemoSeeder.demoCampaigns(TODAY);

		// the jump is on 2026-11-18 (the test above); the giveaway runs from two days before to four after
		assertThat(campaigns).extracting(DemoSeeder.Campaign::brand, DemoSeeder.Campaign::id,
				DemoSeeder.Campaign::kind, DemoSeeder.Campaign::startDate, DemoSeeder.Campaign::endDate,
				DemoSeeder.Campaign::channel, DemoSeeder.Campaign::spend)
			.containsExactly(
					tuple("glitter-gadgets", "follower-giveaway", "GIVEAWAY", LocalDate.of(2026, 11, 16),
							LocalDate.of(2026, 11, 22), "instagram", 4_800),
					// day 100 of 180 days ending 2026-11-26 is 79 days before it
					tuple("steady-state-tea", "spring-promotion", "PROMOTION", TODAY.minusDays(79),
							TODAY.minusDays(66), "shop", 6_000));
		// the promotion's two weeks against the four weeks before it (whole weeks, so the weekday cycle cancels):
		// 1.25 by design, the carry-over week 1.10, then back to 1
		LocalDate start = TODAY.minusDays(79);
		double before = mean("steady-state-tea", "sales_revenue", (d) -> !d.isBefore(start.minusDays(28)) && d.isBefore(start));
		double during = mean("steady-state-tea", "sales_revenue", (d) -> !d.isBefore(start) && !d.isAfter(start.plusDays(13)));
		double carryOver = mean("steady-state-tea", "sales_revenue",
				(d) -> d.isAfter(start.plusDays(13)) && !d.isAfter(start.plusDays(20)));
		double after = mean("steady-state-tea", "sales_revenue",
				(d) -> d.isAfter(start.plusDays(20)) && !d.isAfter(start.plusDays(48)));
		assertThat(during / before).isCloseTo(1.25, within(0.06));
		assertThat(carryOver / before).isCloseTo(1.10, within(0.07));
		assertThat(after / before).isCloseTo(1.0, within(0.05));
	}

	@Test
	void writesCampaignsAsTheCampaignApiReadsThem() {
		assertThat(DemoSeeder.demoCampaigns(TODAY).get(1).toJson()).isEqualTo("{\"name\":\"Spring promotion\","
				+ "\"kind\":\"PROMOTION\",\"startDate\":\"2026-09-08\",\"endDate\":\"2026-09-21\",\"channels\":[\"shop\"],"
				+ "\"spend\":6000,\"currency\":\"EUR\",\"note\":\"Two weeks of 20 % off loose-leaf tea\"}");
	}

	@Test
	void isTheSameEveryTime() {
		assertThat(DemoSeeder.demoObservations(TODAY)).isEqualTo(this.observations);
	}

	@Test
	void writesPlainJsonWithADotAsDecimalSeparator() {
		assertThat(new DemoSeeder.Observation("acme", "nps", "survey", TODAY, -12.5).toJson()).isEqualTo(
				"{\"brand\":\"acme\",\"metric\":\"nps\",\"channel\":\"survey\",\"date\":\"2026-11-26\",\"value\":-12.50}");
	}

	private List<DemoSeeder.Observation> series(String brand, String metric, String channel) {
		return this.observations.stream()
			.filter((o) -> o.brand().equals(brand) && o.metric().equals(metric)
					&& (channel == null || o.channel().equals(channel)))
			.toList();
	}

	private List<LocalDate> dates(String brand, String metric, String channel) {
		return series(brand, metric, channel).stream().map(DemoSeeder.Observation::date).toList();
	}

	private double mean(String brand, String metric, Predicate<LocalDate> days) {
		return series(brand, metric, null).stream()
			.filter((o) -> days.test(o.date()))
			.mapToDouble(DemoSeeder.Observation::value)
			.average()
			.orElseThrow();
	}

	/** The sum over the window's last seven days over the sum over its first seven, every channel of it. */
	private double lastWeekOverFirst(String brand, String metric, String channel) {
		double first = 0;
		double last = 0;
		for (DemoSeeder.Observation o : series(brand, metric, channel)) {
			long day = ChronoUnit.DAYS.between(WINDOW_START, o.date());
			if (day >= 0 && day < 7) {
				first += o.value();
			}
			else if (day >= 21) {
				last += o.value();
			}
		}
		return last / first;
	}

	private static Predicate<LocalDate> weekday(DayOfWeek... days) {
		Set<DayOfWeek> set = Set.of(days);
		return (date) -> set.contains(date.getDayOfWeek());
	}

}
