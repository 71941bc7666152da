package io.brandsignal.scoring;

import java.time.Duration;

import io.brandsignal.scoring.scorecard.ScoringRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring settings under {@code brandsignal.scoring}; docs/scoring.md explains each threshold.
 *
 * @param recomputeInterval how often (wall clock) changed brands are recomputed: a brand is recomputed
 * once it has had no new change for this long, at most once per interval however many observations
 * changed it
 * @param maxRecomputeDelay the longest a brand that keeps changing (a backfill in progress) waits for
 * a fresh scorecard
 * @param windowDays length of the trailing scoring window, ending at the brand's latest day with data
 * @param lookbackDays days of history the conversion evidence uses
 * @param horizonDays cells older than this many days before the brand's latest day are dropped; late
 * data within it is scored exactly as if it had arrived in order
 * @param maxLagDays the largest lag, in days, searched for audience growth leading outcomes
 * @param minObservedDays reported days a metric needs in the window to count toward its side
 * @param minFlowDaysPerHalf reported days a FLOW metric needs in each half of the window for growth
 * @param vanityGrowthThresholdPercent combined audience growth (percent) at or above which the
 * audience counts as growing
 * @param outcomeGrowthThresholdPercent combined outcome growth (percent) at or above which outcomes
 * count as growing, and at or below whose negative as falling
 * @param outputWeight weight of OUTPUT metrics (followers, reach) in the combined vanity growth
 * @param outtakeWeight weight of OUTTAKE metrics (likes, engagements) in the combined vanity growth
 * @param outcomeWeight weight of OUTCOME metrics (awareness, NPS) in the combined outcome growth
 * @param impactWeight weight of IMPACT metrics (sales, leads) in the combined outcome growth
 * @param significanceLevel lag-corrected p-value below which a positive link counts as significant
 * @param minEvidenceSamples paired days a lag needs before its correlation is considered
 * @param vanityIndexScalePercent growth gap (percentage points) at which the vanity index reaches 63
 * @param impactScoreScalePercent outcome growth (percent) at which the growth part of the impact score
 * reaches 63% of its maximum
 * @param impactEvidenceWeight share (0..1) of the impact score earned by the conversion evidence
 * @param spikeThreshold robust z-score of a one-day audience increase that flags a spike
 * @param spikeNoiseFloorPercent smallest day-to-day audience variation assumed, in percent of the level
 * @param spikeBaselineDays days before a day whose increases form its baseline
 * @param spikeMinBaselineDays increases the baseline needs before spikes are judged
 * @param spikeEngagementRisePercent rise of engagement above its baseline median that explains a spike
 * @param cachedBrands how many brands' cells one instance keeps in memory besides its state stores
 * (roughly 100-250 kB each for a full horizon), so observations and recomputes of those brands read no
 * store; others are read from the store
 */
@ConfigurationProperties("brandsignal.scoring")
public record ScoringProperties(@DefaultValue("1s") Duration recomputeInterval,
		@DefaultValue("10s") Duration maxRecomputeDelay, @DefaultValue("28") int windowDays,
		@DefaultValue("180") int lookbackDays, @DefaultValue("400") int horizonDays,
		@DefaultValue("21") int maxLagDays, @DefaultValue("7") int minObservedDays,
		@DefaultValue("3") int minFlowDaysPerHalf, @DefaultValue("5") double vanityGrowthThresholdPercent,
		@DefaultValue("5") double outcomeGrowthThresholdPercent, @DefaultValue("1") double outputWeight,
		@DefaultValue("0.5") double outtakeWeight, @DefaultValue("1") double outcomeWeight,
		@DefaultValue("1") double impactWeight, @DefaultValue("0.05") double significanceLevel,
		@DefaultValue("30") int minEvidenceSamples, @DefaultValue("20") double vanityIndexScalePercent,
		@DefaultValue("20") double impactScoreScalePercent, @DefaultValue("0.4") double impactEvidenceWeight,
		@DefaultValue("6") double spikeThreshold, @DefaultValue("0.2") double spikeNoiseFloorPercent,
		@DefaultValue("28") int spikeBaselineDays, @DefaultValue("7") int spikeMinBaselineDays,
		@DefaultValue("50") double spikeEngagementRisePercent, @DefaultValue("512") int cachedBrands) {

	public ScoringProperties {
		if (recomputeInterval == null || recomputeInterval.isNegative() || recomputeInterval.isZero()) {
			throw new IllegalArgumentException("brandsignal.scoring.recompute-interval must be positive");
		}
		if (maxRecomputeDelay == null || maxRecomputeDelay.compareTo(recomputeInterval) < 0) {
			throw new IllegalArgumentException(
					"brandsignal.scoring.max-recompute-delay must be at least the recompute interval");
		}
		if (cachedBrands < 0) {
			throw new IllegalArgumentException("brandsignal.scoring.cached-brands cannot be negative");
		}
		// Validates the thresholds at startup rather than at the first scorecard.
		new ScoringRules(windowDays, lookbackDays, horizonDays, maxLagDays, minObservedDays, minFlowDaysPerHalf,
				vanityGrowthThresholdPercent, outcomeGrowthThresholdPercent, outputWeight, outtakeWeight,
				outcomeWeight, impactWeight, significanceLevel, minEvidenceSamples, vanityIndexScalePercent,
				impactScoreScalePercent, impactEvidenceWeight, spikeThreshold, spikeNoiseFloorPercent,
				spikeBaselineDays, spikeMinBaselineDays, spikeEngagementRisePercent);
	}

	/** The thresholds as the plain rules the scoring math takes. */
	public ScoringRules rules() {
		return new ScoringRules(this.windowDays, this.lookbackDays, this.horizonDays, this.maxLagDays,
				this.minObservedDays, this.minFlowDaysPerHalf, this.vanityGrowthThresholdPercent,
				this.outcomeGrowthThresholdPercent, this.outputWeight, this.outtakeWeight, this.outcomeWeight,
				this.impactWeight, this.significanceLevel, this.minEvidenceSamples, this.vanityIndexScalePercent,
				this.impactScoreScalePercent, this.impactEvidenceWeight, this.spikeThreshold,
				this.spikeNoiseFloorPercent, this.spikeBaselineDays, this.spikeMinBaselineDays,
				this.spikeEngagementRisePercent);
	}

}
