package io.brandsignal.scoring.scorecard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.scoring.ledger.BrandLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BrandScorerTests {

	/** A Monday. */
	private static final LocalDate D0 = LocalDate.of(2026, 3, 2);

	private final BrandScorer scorer = new BrandScorer(ScoringRules.defaults());

	private static BrandLedger.Builder brand() {
		return BrandLedger.builder("acme", MetricCatalog.defaults());
	}

	/** Adds one value per day {@code from..to} (day offsets from D0) on a channel. */
	private static BrandLedger.Builder daily(BrandLedger.Builder ledger, String metric, String channel, int from, int to,
			IntToDoubleFunction value) {
		for (int day = from; day <= to; day++) {
			ledger.add(metric, channel, D0.plusDays(day), value.applyAsDouble(day));
		}
		return ledger;
	}

	private BrandScored score(BrandLedger.Builder ledger) {
		return this.scorer.score(ledger.build(), Instant.EPOCH);
	}

	private static MetricGrowth growthOf(BrandScored card, String metric) {
		return card.metrics().stream().filter((growth) -> growth.metric().equals(metric)).findFirst().orElseThrow();
	}

	@Test
	void audienceGrowingWithFlatSalesIsAVanityTrap() {
		// the worked example of docs/scoring.md: followers 1000 + 20t, sales 100 a day
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 27, (t) -> 1000 + 20 * t);
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 0, 27, (t) -> 100));

		// slope 20 a day over 27 days = 540 on a start of 1000: +54%, no noise so no margin
		assertThat(growthOf(card, "followers").growthPercent()).isEqualTo(54.0);
		assertThat(growthOf(card, "followers").marginPercent()).isEqualTo(0.0);
		assertThat(growthOf(card, "sales_revenue").growthPercent()).isEqualTo(0.0);
		assertThat(card.vanityTrend()).isEqualTo(Trend.UP);
		assertThat(card.outcomeTrend()).isEqualTo(Trend.FLAT);
		assertThat(card.verdict()).isEqualTo(Verdict.VANITY_TRAP);
		// 100 * (1 - e^(-54/20)) = 93.28
		assertThat(card.vanityIndex()).isEqualTo(93.3);
		assertThat(card.impactScore()).isEqualTo(0.0);
		assertThat(card.explanation()).startsWith("Audience +54% ± 0% (followers +54% ± 0%) in 28 days; outcomes 0% ± 0%")
			.contains("too little history to test whether audience growth leads sales revenue")
			.endsWith("The audience is growing without a clear rise in outcomes.");
	}

	@Test
	void equalGrowthOfAStockAndADailyAmountIsABrandBuilder() {
		// followers (LEVEL) +8% over the window; sales (FLOW) +80 over the window with 500 more on weekend days
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 27,
				(t) -> 10_000 * (1 + 0.08 * t / 27));
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 0, 27,
				(t) -> 1000 + 80.0 * t / 27 + (weekend(t) ? 500 : 0)));

		assertThat(growthOf(card, "followers").growthPercent()).isEqualTo(8.0);
		// the weekend peak is a weekday level, not growth: slope 80/27 a day, +80 over the window, on a
		// typical start day of (5 * 1000 + 2 * 1500) / 7 = 1142.86: +7.0%
		assertThat(growthOf(card, "sales_revenue").growthPercent()).isCloseTo(7.0, within(0.005));
		assertThat(card.verdict()).isEqualTo(Verdict.BRAND_BUILDER);
	}

	@Test
	void aWeeklyChannelBesideADailyOneIsNotGrowth() {
		// instagram 10,000 daily and tiktok 50,000 on Mondays only, both flat; the last day (a Monday,
		// day 56) has instagram's report but not yet tiktok's
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 56, (t) -> 10_000);
		for (int day = 0; day < 56; day += 7) {
			ledger.add("followers", "tiktok", D0.plusDays(day), 50_000);
		}
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 0, 56, (t) -> 100));

		assertThat(growthOf(card, "followers").growthPercent()).isEqualTo(0.0);
		assertThat(growthOf(card, "followers").channels()).isEqualTo(2);
		assertThat(card.vanityTrend()).isEqualTo(Trend.FLAT);
		assertThat(card.verdict()).isEqualTo(Verdict.STEADY);
		assertThat(card.flags()).isEmpty();
	}

	@Test
	void connectingANewChannelIsNeitherGrowthNorASpike() {
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 55, (t) -> 10_000);
		daily(ledger, "followers", "youtube", 45, 55, (t) -> 40_000);
		daily(ledger, "likes", "instagram", 0, 55, (t) -> 300);
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 0, 55, (t) -> 100));

		assertThat(growthOf(card, "followers").growthPercent()).isEqualTo(0.0);
		assertThat(growthOf(card, "followers").channels()).isEqualTo(1);
		assertThat(card.verdict()).isEqualTo(Verdict.STEADY);
		assertThat(card.flags()).isEmpty();
	}

	@Test
	void aSalesFeedDownForAWeekChangesNothingButTheDaysCounted() {
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 27, (t) -> 10_000);
		daily(ledger, "sales_revenue", "shop", 0, 27, (t) -> 100);
		daily(ledger, "sales_revenue", "marketplace", 0, 9, (t) -> 50);
		BrandScored card = score(daily(ledger, "sales_revenue", "marketplace", 17, 27, (t) -> 50));

		assertThat(growthOf(card, "sales_revenue").growthPercent()).isEqualTo(0.0);
		assertThat(growthOf(card, "sales_revenue").channels()).isEqualTo(2);
		assertThat(card.outcomeTrend()).isEqualTo(Trend.FLAT);
	}

	@Test
	void outcomesAloneStillGetAVerdictWithTheAudienceUnknown() {
		// sales fall linearly from 200 to 100: slope -100/27 a day, -50% of the start
		BrandScored card = score(daily(brand(), "sales_revenue", "shop", 0, 27, (t) -> 200 - 100.0 * t / 27));

		assertThat(card.vanityTrend()).isEqualTo(Trend.UNKNOWN);
		assertThat(card.vanityGrowthPercent()).isNull();
		assertThat(card.outcomeGrowthPercent()).isEqualTo(-50.0);
		assertThat(card.verdict()).isEqualTo(Verdict.DECLINING);
		assertThat(card.explanation()).startsWith("Audience unknown (no audience metric with enough data) in 28 days; "
				+ "outcomes -50% ± 0% (sales revenue -50% ± 0%)").endsWith("Outcomes are falling.");
	}

	@Test
	void salesGrowingWithAFlatAudienceIsAQuietPerformer() {
		// sales 100 + 2t: slope 2, start 100, +54% over 27 days; followers flat
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 27, (t) -> 10_000);
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 0, 27, (t) -> 100 + 2 * t));

		assertThat(card.outcomeGrowthPercent()).isEqualTo(54.0);
		assertThat(card.verdict()).isEqualTo(Verdict.QUIET_PERFORMER);
		assertThat(card.vanityIndex()).isEqualTo(0.0);
		// lower bound 54 (no noise): 100 * 0.6 * (1 - e^(-54/20)) = 55.97
		assertThat(card.impactScore()).isEqualTo(56.0);
		assertThat(card.explanation()).endsWith("Outcomes are growing without clear audience growth.");
	}

	@Test
	void aBrandWithoutEnoughOutcomeDataIsInsufficientAndSaysWhatIsMissing() {
		// followers for 28 days, sales on three days only (fewer than the 7 a metric needs)
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 27, (t) -> 1000 + 20 * t);
		BrandScored card = score(daily(ledger, "sales_revenue", "shop", 25, 27, (t) -> 100));

		assertThat(card.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
		assertThat(card.outcomeTrend()).isEqualTo(Trend.UNKNOWN);
		assertThat(card.vanityIndex()).isEqualTo(0.0);
		assertThat(card.impactScore()).isEqualTo(0.0);
		assertThat(card.explanation()).startsWith("Not enough data to score the 28 days to " + D0.plusDays(27))
			.contains("followers 28 days, sales revenue 3 days");
	}

	@Test
	void flagsABoughtJumpThatEngagementPerFollowerDoesNotMatch() {
		BrandScored card = score(spikeBrand(300));

		assertThat(card.flags()).containsExactly(BrandScorer.FOLLOWER_SPIKE);
		// 10,000 + 10 * 49 = 10,490 the day before; +510 that day, 4.86% of it
		assertThat(card.explanation()).contains("Followers on instagram jumped by 510 (+4.9%) on " + D0.plusDays(50)
				+ " with no matching rise in engagement per follower.");
	}

	@Test
	void aViralDayWhoseEngagementRoseTooIsNotASpike() {
		assertThat(score(spikeBrand(900)).flags()).isEmpty();
	}

	@Test
	void flagsAJumpRightAfterAMissingDayAndInAWeeklyChannel() {
		BrandLedger.Builder afterGap = brand();
		for (int day = 0; day <= 55; day++) {
			if (day != 49) {
				afterGap.add("followers", "instagram", D0.plusDays(day), 10_000 + 10 * day + ((day >= 50) ? 500 : 0));
			}
		}
		daily(afterGap, "sales_revenue", "shop", 0, 55, (t) -> 100);
		assertThat(score(afterGap).flags()).containsExactly(BrandScorer.FOLLOWER_SPIKE);

		BrandLedger.Builder weekly = daily(brand(), "sales_revenue", "shop", 0, 91, (t) -> 100);
		for (int week = 0; week <= 13; week++) {
			weekly.add("followers", "tiktok", D0.plusDays(7L * week), 50_000 + 700 * week + ((week >= 12) ? 2_500 : 0));
		}
		assertThat(score(weekly).flags()).containsExactly(BrandScorer.FOLLOWER_SPIKE);
	}

	/** Followers +10 a day and +500 on day 50, sales flat, likes 300 a day and {@code likesOnDay50} that day. */
	private static BrandLedger.Builder spikeBrand(double likesOnDay50) {
		BrandLedger.Builder ledger = daily(brand(), "followers", "instagram", 0, 55,
				(t) -> 10_000 + 10 * t + ((t >= 50) ? 500 : 0));
		daily(ledger, "likes", "instagram", 0, 55, (t) -> (t == 50) ? likesOnDay50 : 300);
		return daily(ledger, "sales_revenue", "shop", 0, 55, (t) -> 100);
	}

	private static boolean weekend(int day) {
		DayOfWeek weekday = D0.plusDays(day).getDayOfWeek();
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
	}

	@Test
	void aSideIsUpOrDownOnlyBeyondBothItsThresholdAndItsMargin() {
		assertThat(side(12, 4).trend()).isEqualTo(Trend.UP);
		assertThat(side(12, 15).trend()).isEqualTo(Trend.FLAT);
		assertThat(side(4, 1).trend()).isEqualTo(Trend.FLAT);
		assertThat(side(-8, 3).trend()).isEqualTo(Trend.DOWN);
		assertThat(side(-8, 9).trend()).isEqualTo(Trend.FLAT);
	}

	@Test
	void combinesMetricsByTierWeightAndPrecisionSoANoisyOneCannotBlurAClearOne() {
		// OUTPUT followers +12 ± 2: weight 1 / (1 + (2/5)^2) = 0.8621; OUTTAKE likes 0 ± 8: weight
		// 0.5 / (1 + (8/5)^2) = 0.1404. G = 0.8621 * 12 / 1.0025 = 10.32;
		// M = sqrt(0.8621^2 * 2^2 + 0.1404^2 * 8^2) / 1.0025 = 2.05
		BrandScorer.SideGrowth combined = this.scorer.combined(List.of(growth("followers", MetricTier.OUTPUT, 12, 2),
				growth("likes", MetricTier.OUTTAKE, 0, 8)), MetricCategory.VANITY, 5);

		assertThat(combined.percent()).isEqualTo(10.32);
		assertThat(combined.margin()).isEqualTo(2.05);
		assertThat(combined.trend()).isEqualTo(Trend.UP);
		// without the noisy metric, followers alone: +12 ± 2
		assertThat(this.scorer.combined(List.of(growth("followers", MetricTier.OUTPUT, 12, 2)), MetricCategory.VANITY, 5))
			.isEqualTo(new BrandScorer.SideGrowth(12.0, 2.0, Trend.UP));
	}

	@Test
	void verdictFollowsTheTrendsOfBothSides() {
		assertThat(BrandScorer.verdict(Trend.UP, Trend.UP)).isEqualTo(Verdict.BRAND_BUILDER);
		assertThat(BrandScorer.verdict(Trend.UP, Trend.FLAT)).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(BrandScorer.verdict(Trend.UP, Trend.DOWN)).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(BrandScorer.verdict(Trend.FLAT, Trend.UP)).isEqualTo(Verdict.QUIET_PERFORMER);
		assertThat(BrandScorer.verdict(Trend.DOWN, Trend.DOWN)).isEqualTo(Verdict.DECLINING);
		assertThat(BrandScorer.verdict(Trend.FLAT, Trend.FLAT)).isEqualTo(Verdict.STEADY);
		assertThat(BrandScorer.verdict(Trend.UNKNOWN, Trend.UP)).isEqualTo(Verdict.QUIET_PERFORMER);
		assertThat(BrandScorer.verdict(Trend.UP, Trend.UNKNOWN)).isEqualTo(Verdict.INSUFFICIENT_DATA);
	}

	@Test
	void impactScoreCreditsOnlyTheLowerBoundOfGrowthAndOnlyASignificantLead() {
		ConversionEvidence none = ConversionEvidence.insufficient("followers", "sales_revenue", 10);
		ConversionEvidence weak = new ConversionEvidence("followers", "sales_revenue", 7, 0.3, null, null, null, 0.2, 150,
				false);
		ConversionEvidence strong = new ConversionEvidence("followers", "sales_revenue", 7, 0.6, 0.9, 0.4, 1.4, 0.01,
				150, true);
		BrandScorer.SideGrowth sales = new BrandScorer.SideGrowth(24.0, 4.0, Trend.UP);

		// lower bound 20: 100 * 0.6 * (1 - e^-1) = 37.93
		assertThat(this.scorer.impactScore(sales, none)).isEqualTo(37.9);
		assertThat(this.scorer.impactScore(sales, weak)).isEqualTo(37.9);
		// + 100 * 0.4 * 0.6 = 24 -> 61.9
		assertThat(this.scorer.impactScore(sales, strong)).isEqualTo(61.9);
		// noise: +3 ± 10 has a lower bound below zero and earns nothing
		assertThat(this.scorer.impactScore(new BrandScorer.SideGrowth(3.0, 10.0, Trend.FLAT), none)).isEqualTo(0.0);
	}

	@Test
	void explainsASignificantLeadWithItsEffectAndInterval() {
		ConversionEvidence lead = new ConversionEvidence("followers", "sales_revenue", 7, 0.41, 84.2, 40.1, 128.3,
				0.004, 172, true);
		BrandScorer.SideGrowth audience = new BrandScorer.SideGrowth(12.0, 2.0, Trend.UP);
		BrandScorer.SideGrowth sales = new BrandScorer.SideGrowth(9.0, 3.0, Trend.UP);

		String text = new Explanation(ScoringRules.defaults(), D0.plusDays(27),
				List.of(growth("followers", MetricTier.OUTPUT, 12, 2), growth("sales_revenue", MetricTier.IMPACT, 9, 3)),
				audience, sales, lead, Verdict.BRAND_BUILDER, java.util.Optional.empty())
			.text();

		assertThat(text).isEqualTo("Audience +12% ± 2% (followers +12% ± 2%) in 28 days; outcomes +9% ± 3% (sales "
				+ "revenue +9% ± 3%); audience growth leads sales revenue by about 7 days (each 1% of audience growth "
				+ "in a day moves sales revenue by +84%, 95% CI +40% to +128%; p = 0.004). Audience and outcomes are "
				+ "growing together.");
	}

	@Test
	void vanityIndexIsZeroUnlessTheAudienceIsUp() {
		BrandScorer.SideGrowth flatSales = new BrandScorer.SideGrowth(2.0, 3.0, Trend.FLAT);

		// gap 20 - 2 = 18: 100 * (1 - e^(-18/20)) = 59.34
		assertThat(this.scorer.vanityIndex(new BrandScorer.SideGrowth(20.0, 3.0, Trend.UP), flatSales)).isEqualTo(59.3);
		assertThat(this.scorer.vanityIndex(new BrandScorer.SideGrowth(20.0, 30.0, Trend.FLAT), flatSales)).isEqualTo(0.0);
	}

	private BrandScorer.SideGrowth side(double percent, double margin) {
		return this.scorer.combined(List.of(growth("sales_revenue", MetricTier.IMPACT, percent, margin)),
				MetricCategory.OUTCOME, 5);
	}

	private static MetricGrowth growth(String metric, MetricTier tier, double percent, double margin) {
		return new MetricGrowth(metric, tier.category(), tier, 1.0, 1.0, percent, margin, 28, 1);
	}

}
