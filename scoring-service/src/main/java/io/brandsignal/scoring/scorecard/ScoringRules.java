package io.brandsignal.scoring.scorecard;

import io.brandsignal.contract.catalog.MetricTier;

/**
 * Every threshold and default of the scoring method, grouped by the step it governs, as plain values
 * (docs/scoring.md explains each). Each default is declared once, here: a component left {@code null}
 * takes its default, so the service binds {@code brandsignal.scoring.<group>.<name>} straight onto these
 * records and tests use {@link #defaults()}.
 *
 * @param window the scoring window and how much history is kept
 * @param ledger how channels' reports are read
 * @param growth growth per metric and per side, and when a side counts as up or down
 * @param evidence the lead test
 * @param scores the vanity index and impact score
 * @param spikes the follower-spike flag
 */
public record ScoringRules(Window window, Ledger ledger, Growth growth, Evidence evidence, Scores scores,
		Spikes spikes) {

	public ScoringRules {
		window = (window != null) ? window : new Window(null, null, null);
		ledger = (ledger != null) ? ledger : new Ledger(null, null, null);
		growth = (growth != null) ? growth : new Growth(null, null, null, null, null, null, null, null, null);
		evidence = (evidence != null) ? evidence : new Evidence(null, null, null);
		scores = (scores != null) ? scores : new Scores(null, null, null);
		spikes = (spikes != null) ? spikes : new Spikes(null, null, null, null, null);
		require(evidence.maxLagDays() < window.lookbackDays(), "evidence.max-lag-days must be below window.lookback-days");
		require(growth.minObservedDays() <= window.days(), "growth.min-observed-days must be at most window.days");
	}

	/** The documented defaults. */
	public static ScoringRules defaults() {
		return new ScoringRules(null, null, null, null, null, null);
	}

	/** The weight of a tier in its side's combined growth. */
	public double weight(MetricTier tier) {
		return switch (tier) {
			case OUTPUT -> this.growth.outputWeight();
			case OUTTAKE -> this.growth.outtakeWeight();
			case OUTCOME -> this.growth.outcomeWeight();
			case IMPACT -> this.growth.impactWeight();
		};
	}

	/**
	 * The scoring window and the history kept.
	 *
	 * @param days length of the trailing scoring window W, ending at the brand's latest day (default 28)
	 * @param lookbackDays days of history the lead test reads, ending at the same day (default 180)
	 * @param horizonDays cells older than this many days before the brand's latest day are dropped
	 * (default 400)
	 */
	public record Window(Integer days, Integer lookbackDays, Integer horizonDays) {

		public Window {
			days = orDefault(days, 28);
			lookbackDays = orDefault(lookbackDays, 180);
			horizonDays = orDefault(horizonDays, 400);
			require(days >= 14, "window.days must be at least 14 (two weeks, for day-of-week-matched growth)");
			require(lookbackDays >= days, "window.lookback-days must be at least window.days");
			require(horizonDays >= lookbackDays, "window.horizon-days must be at least window.lookback-days");
		}

	}

	/**
	 * How channels' reports are read. A channel's cadence is the median number of days between its
	 * reports; a LEVEL channel's last value is carried forward for {@code stalenessCadences} cadences,
	 * bounded by {@code minStalenessDays} and {@code maxStalenessDays}, so a quarterly survey is not stale
	 * after two weeks and a daily feed that stopped is not carried for months.
	 *
	 * @param stalenessCadences cadences a LEVEL value is carried forward (default 3)
	 * @param minStalenessDays shortest carry-forward, in days (default 7)
	 * @param maxStalenessDays longest carry-forward, in days (default 200)
	 */
	public record Ledger(Integer stalenessCadences, Integer minStalenessDays, Integer maxStalenessDays) {

		public Ledger {
			stalenessCadences = orDefault(stalenessCadences, 3);
			minStalenessDays = orDefault(minStalenessDays, 7);
			maxStalenessDays = orDefault(maxStalenessDays, 200);
			require(stalenessCadences >= 1, "ledger.staleness-cadences must be at least 1");
			require(minStalenessDays >= 1 && minStalenessDays <= maxStalenessDays,
					"ledger.min-staleness-days must be in 1..ledger.max-staleness-days");
		}

	}

	/**
	 * Growth per metric and side.
	 *
	 * @param minObservedDays reported days (any channel) a metric needs in the window to count (default 7)
	 * @param vanityThresholdPercent combined audience growth a rising audience must reach (default 5)
	 * @param outcomeThresholdPercent combined outcome growth rising outcomes must reach, and falling ones
	 * its negative (default 5)
	 * @param confidence confidence level of the growth intervals; a side is up or down only when its
	 * interval excludes zero (default 0.95)
	 * @param maxNoiseAutocorrelation cap on the lag-1 autocorrelation of the residuals used to widen a
	 * growth interval (default 0.8)
	 * @param outputWeight weight of the OUTPUT tier in the combined audience growth (default 1)
	 * @param outtakeWeight weight of the OUTTAKE tier in the combined audience growth (default 0.5)
	 * @param outcomeWeight weight of the OUTCOME tier in the combined outcome growth (default 1)
	 * @param impactWeight weight of the IMPACT tier in the combined outcome growth (default 1)
	 */
	public record Growth(Integer minObservedDays, Double vanityThresholdPercent, Double outcomeThresholdPercent,
			Double confidence, Double maxNoiseAutocorrelation, Double outputWeight, Double outtakeWeight,
			Double outcomeWeight, Double impactWeight) {

		public Growth {
			minObservedDays = orDefault(minObservedDays, 7);
			vanityThresholdPercent = orDefault(vanityThresholdPercent, 5.0);
			outcomeThresholdPercent = orDefault(outcomeThresholdPercent, 5.0);
			confidence = orDefault(confidence, 0.95);
			maxNoiseAutocorrelation = orDefault(maxNoiseAutocorrelation, 0.8);
			outputWeight = orDefault(outputWeight, 1.0);
			outtakeWeight = orDefault(outtakeWeight, 0.5);
			outcomeWeight = orDefault(outcomeWeight, 1.0);
			impactWeight = orDefault(impactWeight, 1.0);
			require(minObservedDays >= 2, "growth.min-observed-days must be at least 2");
			require(vanityThresholdPercent > 0 && outcomeThresholdPercent > 0, "growth thresholds must be positive");
			require(confidence > 0.5 && confidence < 1, "growth.confidence must be in (0.5, 1)");
			require(maxNoiseAutocorrelation >= 0 && maxNoiseAutocorrelation < 1,
					"growth.max-noise-autocorrelation must be in [0, 1)");
			require(outputWeight >= 0 && outtakeWeight >= 0 && outcomeWeight >= 0 && impactWeight >= 0,
					"tier weights must not be negative");
		}

	}

	/**
	 * The lead test.
	 *
	 * @param maxLagDays the largest lag, in days, searched for audience growth leading outcomes (default 21)
	 * @param minPairedDays days with both series known that the test needs (default 30)
	 * @param significanceLevel p-value below which a positive lead is significant (default 0.05)
	 */
	public record Evidence(Integer maxLagDays, Integer minPairedDays, Double significanceLevel) {

		public Evidence {
			maxLagDays = orDefault(maxLagDays, 21);
			minPairedDays = orDefault(minPairedDays, 30);
			significanceLevel = orDefault(significanceLevel, 0.05);
			require(maxLagDays >= 0, "evidence.max-lag-days must not be negative");
			require(minPairedDays >= 10, "evidence.min-paired-days must be at least 10");
			require(significanceLevel > 0 && significanceLevel < 1, "evidence.significance-level must be in (0, 1)");
		}

	}

	/**
	 * The 0-100 scores.
	 *
	 * @param vanityIndexScalePercent growth gap (percentage points) at which the vanity index reaches 63
	 * (default 20)
	 * @param impactScoreScalePercent outcome growth (percent) at which its part of the impact score reaches
	 * 63% of its maximum (default 20)
	 * @param impactEvidenceWeight share (0..1) of the impact score earned by a significant lead, the rest
	 * by outcome growth (default 0.4)
	 */
	public record Scores(Double vanityIndexScalePercent, Double impactScoreScalePercent, Double impactEvidenceWeight) {

		public Scores {
			vanityIndexScalePercent = orDefault(vanityIndexScalePercent, 20.0);
			impactScoreScalePercent = orDefault(impactScoreScalePercent, 20.0);
			impactEvidenceWeight = orDefault(impactEvidenceWeight, 0.4);
			require(vanityIndexScalePercent > 0 && impactScoreScalePercent > 0, "score scales must be positive");
			require(impactEvidenceWeight >= 0 && impactEvidenceWeight <= 1, "scores.impact-evidence-weight must be in 0..1");
		}

	}

	/**
	 * The follower-spike flag.
	 *
	 * @param threshold robust z-score of an audience increase that counts as a spike (default 6)
	 * @param noiseFloorPercent smallest daily variation assumed, in percent of the level (default 0.2)
	 * @param baselineReports earlier increases of the same channel a report is compared with (default 28)
	 * @param minBaselineReports earlier increases needed before spikes are judged (default 7)
	 * @param engagementZ robust z-score of engagement per follower that explains a spike (default 2.3)
	 */
	public record Spikes(Double threshold, Double noiseFloorPercent, Integer baselineReports,
			Integer minBaselineReports, Double engagementZ) {

		public Spikes {
			threshold = orDefault(threshold, 6.0);
			noiseFloorPercent = orDefault(noiseFloorPercent, 0.2);
			baselineReports = orDefault(baselineReports, 28);
			minBaselineReports = orDefault(minBaselineReports, 7);
			engagementZ = orDefault(engagementZ, 2.3);
			require(threshold > 0 && noiseFloorPercent >= 0 && engagementZ > 0, "spike thresholds must be positive");
			require(minBaselineReports >= 3 && minBaselineReports <= baselineReports,
					"spikes.min-baseline-reports must be in 3..spikes.baseline-reports");
		}

	}

	private static <T> T orDefault(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
