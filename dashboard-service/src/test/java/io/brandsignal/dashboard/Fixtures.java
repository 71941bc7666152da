package io.brandsignal.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;

/**
 * Scorecards and rollups for tests, with round numbers that are easy to check by hand.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A scorecard with the given headline numbers, scored at {@code scoredAt}. */
	public static BrandScored scorecard(String brand, Verdict verdict, Double vanityGrowth, Double outcomeGrowth,
			double vanityIndex, double impactScore, Instant scoredAt) {
		return new BrandScored(brand, LocalDate.parse("2026-11-20"), 28, verdict, vanityGrowth, 3.0, Trend.UP, outcomeGrowth, 2.0,
				Trend.FLAT, vanityIndex, impactScore,
				List.of(new MetricGrowth("followers", MetricCategory.VANITY, MetricTier.OUTPUT, 1000.0, 1500.0, 50.0,
						3.0, 28, 1),
						new MetricGrowth("sales_revenue", MetricCategory.OUTCOME, MetricTier.IMPACT, 200.0, 200.0, 0.0,
								2.0, 28, 1)),
				new ConversionEvidence("followers", "sales_revenue", 3, 0.1, null, null, null, 0.62, 27, false),
				List.of("FOLLOWER_SPIKE"), "Followers grew 50% while sales stayed flat.", scoredAt);
	}

	/**
	 * A brand-builder scorecard whose followers significantly lead its sales: followers +20 % ± 3.5 %,
	 * sales +15 % ± 4 %, each 1 % of follower growth bringing 0.8 % sales (0.3 to 1.3) a week later.
	 */
	public static BrandScored provenScorecard(String brand, Instant scoredAt) {
		return new BrandScored(brand, LocalDate.parse("2026-11-20"), 28, Verdict.BRAND_BUILDER, 20.0, 3.5, Trend.UP,
				15.0, 4.0, Trend.UP, 10.0, 70.0,
				List.of(new MetricGrowth("followers", MetricCategory.VANITY, MetricTier.OUTPUT, 50_000.0, 60_000.0,
						20.0, 3.5, 28, 2),
						new MetricGrowth("sales_revenue", MetricCategory.OUTCOME, MetricTier.IMPACT, 4_000.0, 4_600.0,
								15.0, 4.0, 28, 1)),
				new ConversionEvidence("followers", "sales_revenue", 7, 0.41, 0.8, 0.3, 1.3, 0.002, 150, true),
				List.of(), "Followers and sales both grew.", scoredAt);
	}

	/**
	 * A declining scorecard of a brand that reports sales only: sales -25 % ± 6 %, the audience unknown.
	 */
	public static BrandScored outcomesOnlyScorecard(String brand, Instant scoredAt) {
		return new BrandScored(brand, LocalDate.parse("2026-11-20"), 28, Verdict.DECLINING, null, null, Trend.UNKNOWN,
				-25.0, 6.0, Trend.DOWN, 0.0, 0.0,
				List.of(new MetricGrowth("sales_revenue", MetricCategory.OUTCOME, MetricTier.IMPACT, 4_000.0, 3_000.0,
						-25.0, 6.0, 28, 2)),
				ConversionEvidence.insufficient("vanity", "sales_revenue", 0), List.of(), "Sales fell.", scoredAt);
	}

	/** A vanity-trap scorecard scored at {@code scoredAt}. */
	public static BrandScored scorecard(String brand, Verdict verdict, Instant scoredAt) {
		return scorecard(brand, verdict, 50.0, 0.0, 80.0, 10.0, scoredAt);
	}

	/** A rollup of one day. */
	public static DailyRollup rollup(String brand, String date, Map<String, Double> metrics) {
		return new DailyRollup(brand, LocalDate.parse(date), metrics, Map.of());
	}

}
