package io.brandsignal.scoring.scorecard;

import io.brandsignal.contract.catalog.MetricTier;

/**
 * Every threshold and default of the scoring method, as plain values (docs/scoring.md explains each).
 * The service binds them from {@code brandsignal.scoring.*}; tests use {@link #defaults()}.
 *
 * @param windowDays length of the trailing scoring window, ending at the brand's latest day
 * @param lookbackDays days of history the conversion evidence looks at, ending at the same day
 * @param horizonDays cells older than this many days before the brand's latest day are dropped
 * @param maxLagDays the largest lag, in days, searched for audience growth leading outcomes
 * @param minObservedDays days with reported values a metric needs in the window to count
 * @param minFlowDaysPerHalf reported days a FLOW metric needs in each half of the window for growth
 * @param vanityGrowthThresholdPercent combined audience growth at or above which the audience is "up"
 * @param outcomeGrowthThresholdPercent combined outcome growth at or above which outcomes are "up"
 * (and at or below its negative, "down")
 * @param outputWeight weight of the OUTPUT tier in the combined vanity growth
 * @param outtakeWeight weight of the OUTTAKE tier in the combined vanity growth
 * @param outcomeWeight weight of the OUTCOME tier in the combined outcome growth
 * @param impactWeight weight of the IMPACT tier in the combined outcome growth
 * @param significanceLevel corrected p-value below which a positive link counts as significant
 * @param minEvidenceSamples paired days a lag needs before its correlation is considered
 * @param vanityIndexScalePercent growth gap (percentage points) at which the vanity index reaches 63
 * @param impactScoreScalePercent outcome growth (percent) at which its part of the impact score
 * reaches 63% of its maximum
 * @param impactEvidenceWeight share (0..1) of the impact score earned by the evidence, the rest by
 * outcome growth
 * @param spikeThreshold robust z-score of a one-day audience increase that counts as a spike
 * @param spikeNoiseFloorPercent smallest day-to-day variation assumed, in percent of the level
 * @param spikeBaselineDays days before a day whose increases form its baseline
 * @param spikeMinBaselineDays increases the baseline needs before spikes are judged
 * @param spikeEngagementRisePercent rise of engagement over its baseline median that explains a spike
 */
public record ScoringRules(int windowDays, int lookbackDays, int horizonDays, int maxLagDays, int minObservedDays,
		int minFlowDaysPerHalf, double vanityGrowthThresholdPercent, double outcomeGrowthThresholdPercent,
		double outputWeight, double outtakeWeight, double outcomeWeight, double impactWeight,
		double significanceLevel, int minEvidenceSamples, double vanityIndexScalePercent,
		double impactScoreScalePercent, double impactEvidenceWeight, double spikeThreshold,
		double spikeNoiseFloorPercent, int spikeBaselineDays, int spikeMinBaselineDays,
		double spikeEngagementRisePercent) {

	public ScoringRules {
		require(windowDays >= 2, "windowDays must be at least 2");
		require(lookbackDays >= windowDays, "lookbackDays must be at least windowDays");
		require(horizonDays >= lookbackDays, "horizonDays must be at least lookbackDays");
		require(maxLagDays >= 0 && maxLagDays < lookbackDays, "maxLagDays must be in 0..lookbackDays-1");
		require(minObservedDays >= 1 && minObservedDays <= windowDays, "minObservedDays must be in 1..windowDays");
		require(minFlowDaysPerHalf >= 1 && minFlowDaysPerHalf <= windowDays / 2,
				"minFlowDaysPerHalf must be in 1..windowDays/2");
		require(vanityGrowthThresholdPercent > 0 && outcomeGrowthThresholdPercent > 0,
				"growth thresholds must be positive");
		require(outputWeight >= 0 && outtakeWeight >= 0 && outcomeWeight >= 0 && impactWeight >= 0,
				"tier weights must not be negative");
		require(significanceLevel > 0 && significanceLevel < 1, "significanceLevel must be in (0, 1)");
		require(minEvidenceSamples >= 4, "minEvidenceSamples must be at least 4");
		require(vanityIndexScalePercent > 0 && impactScoreScalePercent > 0, "scales must be positive");
		require(impactEvidenceWeight >= 0 && impactEvidenceWeight <= 1, "impactEvidenceWeight must be in 0..1");
		require(spikeThreshold > 0 && spikeNoiseFloorPercent >= 0, "spike thresholds must be positive");
		require(spikeMinBaselineDays >= 2 && spikeMinBaselineDays <= spikeBaselineDays,
				"spikeMinBaselineDays must be in 2..spikeBaselineDays");
		require(spikeEngagementRisePercent >= 0, "spikeEngagementRisePercent must not be negative");
	}

	/** The documented defaults. */
	public static ScoringRules defaults() {
		return new ScoringRules(28, 180, 400, 21, 7, 3, 5.0, 5.0, 1.0, 0.5, 1.0, 1.0, 0.05, 30, 20.0, 20.0, 0.4, 6.0,
				0.2, 28, 7, 50.0);
	}

	/** The weight of a tier in its side's combined growth. */
	public double weight(MetricTier tier) {
		return switch (tier) {
			case OUTPUT -> this.outputWeight;
			case OUTTAKE -> this.outtakeWeight;
			case OUTCOME -> this.outcomeWeight;
			case IMPACT -> this.impactWeight;
		};
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
