package io.brandsignal.dashboard.brand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Verdict;

/**
 * A brand's latest scorecard as the API serves it.
 *
 * @param brand the brand's slug
 * @param asOf last day of the scoring window
 * @param windowDays length of the window in days
 * @param verdict the one-word answer
 * @param verdictLabel the verdict in words
 * @param vanityGrowthPercent audience growth over the window in percent, {@code null} when unknown
 * @param outcomeGrowthPercent outcome growth over the window in percent, {@code null} when unknown
 * @param vanityIndex 0-100: how much of the growth is audience without outcome
 * @param impactScore 0-100: outcome growth and its link to the audience
 * @param metrics growth per metric
 * @param evidence whether audience growth leads outcome growth, statistically
 * @param flags notable patterns such as {@code FOLLOWER_SPIKE}
 * @param explanation plain sentences built from the numbers
 * @param scoredAt when the scorecard was computed
 */
public record ScorecardView(String brand, LocalDate asOf, int windowDays, Verdict verdict, String verdictLabel,
		Double vanityGrowthPercent, Double outcomeGrowthPercent, double vanityIndex, double impactScore,
		List<Growth> metrics, Evidence evidence, List<String> flags, String explanation, Instant scoredAt) {

	/** The view of a scorecard. */
	public static ScorecardView of(BrandScored scorecard) {
		return new ScorecardView(scorecard.brand(), scorecard.asOf(), scorecard.windowDays(), scorecard.verdict(),
				Verdicts.label(scorecard.verdict()), scorecard.vanityGrowthPercent(),
				scorecard.outcomeGrowthPercent(), scorecard.vanityIndex(), scorecard.impactScore(),
				scorecard.metrics().stream().map(Growth::of).toList(), Evidence.of(scorecard.evidence()),
				scorecard.flags(), scorecard.explanation(), scorecard.scoredAt());
	}

	/**
	 * How one metric moved over the window.
	 *
	 * @param metric catalog name
	 * @param category vanity or outcome side
	 * @param tier AMEC stage
	 * @param startValue value at the window start, {@code null} when unknown
	 * @param endValue value at the window end, {@code null} when unknown
	 * @param growthPercent change in percent, {@code null} when unknown
	 * @param daysObserved days with a known value
	 */
	public record Growth(String metric, MetricCategory category, MetricTier tier, Double startValue, Double endValue,
			Double growthPercent, int daysObserved) {

		static Growth of(MetricGrowth growth) {
			return new Growth(growth.metric(), growth.category(), growth.tier(), growth.startValue(),
					growth.endValue(), growth.growthPercent(), growth.daysObserved());
		}

	}

	/**
	 * The lagged relationship between audience growth and outcome growth.
	 *
	 * @param vanitySeries what measured the audience side
	 * @param outcomeSeries what measured the outcome side
	 * @param bestLagDays lag in days at which audience growth best leads outcomes, {@code null} when unknown
	 * @param correlation correlation at that lag, {@code null} when unknown
	 * @param elasticity outcome log-growth per unit of audience log-growth, {@code null} when unknown
	 * @param pValue chance of a link this strong by accident, {@code null} when unknown
	 * @param samples paired days the evidence rests on
	 * @param significant whether the link is positive and significant
	 */
	public record Evidence(String vanitySeries, String outcomeSeries, Integer bestLagDays, Double correlation,
			Double elasticity, Double pValue, int samples, boolean significant) {

		static Evidence of(ConversionEvidence evidence) {
			if (evidence == null) {
				return null;
			}
			return new Evidence(evidence.vanitySeries(), evidence.outcomeSeries(), evidence.bestLagDays(),
					evidence.correlation(), evidence.elasticity(), evidence.pValue(), evidence.samples(),
					evidence.significant());
		}

	}

}
