package io.brandsignal.contract.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A brand's scorecard: whether its audience growth is turning into marketing outcomes over the
 * trailing window ending {@code asOf}. Version 2 of the contract: growth carries its uncertainty and
 * each side its {@link Trend}. Published to the compacted {@code Topics#SCORECARDS}, keyed by
 * brand, whenever the brand's data changes; the latest one is the brand's current scorecard.
 *
 * @param brand lowercase slug of the brand
 * @param asOf last day of the scoring window (the brand's latest day with data)
 * @param windowDays length of the trailing window in days
 * @param verdict the one-word answer
 * @param vanityGrowthPercent combined audience growth over the window in percent; {@code null} when
 * unknown (no audience metric with enough data)
 * @param vanityMarginPercent half-width of the 95% confidence interval of the audience growth;
 * {@code null} when unknown
 * @param vanityTrend whether the audience is up, down or flat once its uncertainty is counted
 * @param outcomeGrowthPercent combined outcome growth over the window in percent; {@code null} when
 * unknown
 * @param outcomeMarginPercent half-width of the 95% confidence interval of the outcome growth;
 * {@code null} when unknown
 * @param outcomeTrend whether outcomes are up, down or flat once their uncertainty is counted
 * @param vanityIndex 0-100: how much of the growth is audience without outcome
 * @param impactScore 0-100: outcome growth and the strength of its link to the audience
 * @param metrics growth per metric in the window
 * @param evidence the statistical evidence that audience growth leads outcomes
 * @param flags notable patterns such as {@code FOLLOWER_SPIKE}
 * @param explanation one or two plain sentences built from the numbers
 * @param scoredAt when the scorecard was computed
 */
public record BrandScored(String brand, LocalDate asOf, int windowDays, Verdict verdict, Double vanityGrowthPercent,
		Double vanityMarginPercent, Trend vanityTrend, Double outcomeGrowthPercent, Double outcomeMarginPercent,
		Trend outcomeTrend, double vanityIndex, double impactScore, List<MetricGrowth> metrics,
		ConversionEvidence evidence, List<String> flags, String explanation, Instant scoredAt) {

	public BrandScored {
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
		flags = (flags != null) ? List.copyOf(flags) : List.of();
	}

}
