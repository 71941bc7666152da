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

	/** A vanity-trap scorecard scored at {@code scoredAt}. */
	public static BrandScored scorecard(String brand, Verdict verdict, Instant scoredAt) {
		return scorecard(brand, verdict, 50.0, 0.0, 80.0, 10.0, scoredAt);
	}

	/** A rollup of one day. */
	public static DailyRollup rollup(String brand, String date, Map<String, Double> metrics) {
		return new DailyRollup(brand, LocalDate.parse(date), metrics, Map.of());
	}

}
