package io.brandsignal.dashboard.brand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A brand's latest scorecard as the API serves it: the scorecard's numbers, and the same numbers in the
 * words the dashboard shows (growth with its uncertainty, each side's trend, the effect of the audience
 * on outcomes), so every client reads them alike.
 *
 * @param brand the brand's slug
 * @param asOf last day of the scoring window
 * @param windowDays length of the window in days
 * @param verdict the one-word answer
 * @param verdictLabel the verdict in words
 * @param vanityGrowthPercent audience growth over the window in percent, {@code null} when unknown
 * @param vanityMarginPercent half-width of the audience growth's 95% confidence interval, {@code null} when
 * unknown
 * @param vanityTrend whether the audience went up, down or stayed flat once its uncertainty is counted,
 * {@code null} when the scorecard carries no trend (scored before trends existed)
 * @param vanityGrowth the audience growth in words, such as {@code +6.0 % ± 4.0 %}
 * @param vanitySummary the audience's trend in words, such as {@code Audience: up — +6.0 % ± 4.0 %}
 * @param outcomeGrowthPercent outcome growth over the window in percent, {@code null} when unknown
 * @param outcomeMarginPercent half-width of the outcome growth's 95% confidence interval, {@code null} when
 * unknown
 * @param outcomeTrend whether outcomes went up, down or stayed flat, {@code null} when not carried
 * @param outcomeGrowth the outcome growth in words
 * @param outcomeSummary the outcomes' trend in words
 * @param vanityIndex 0-100: how much of the growth is audience without outcome
 * @param impactScore 0-100: outcome growth and its link to the audience
 * @param metrics growth per metric
 * @param evidence whether audience growth leads outcome growth, statistically
 * @param flags notable patterns such as {@code FOLLOWER_SPIKE}
 * @param explanation plain sentences built from the numbers
 * @param scoredAt when the scorecard was computed
 */
public record ScorecardView(String brand, LocalDate asOf, int windowDays, Verdict verdict, String verdictLabel,
		@Schema(description = "Audience growth over the window in percent; null when unknown",
				nullable = true) Double vanityGrowthPercent,
		@Schema(description = "Half-width of the audience growth's 95% confidence interval, in percent; "
				+ "null when unknown", nullable = true) Double vanityMarginPercent,
		@Schema(description = "Whether the audience went up, down or stayed flat once its uncertainty is counted; "
				+ "null for a scorecard that carries no trend", nullable = true) Trend vanityTrend,
		@Schema(description = "The audience growth in words, with its 95% margin",
				example = "+6.0 % ± 4.0 %") String vanityGrowth,
		@Schema(description = "The audience's trend in words",
				example = "Audience: unknown — no audience metric reported") String vanitySummary,
		@Schema(description = "Outcome growth over the window in percent; null when unknown",
				nullable = true) Double outcomeGrowthPercent,
		@Schema(description = "Half-width of the outcome growth's 95% confidence interval, in percent; "
				+ "null when unknown", nullable = true) Double outcomeMarginPercent,
		@Schema(description = "Whether outcomes went up, down or stayed flat once their uncertainty is counted; "
				+ "null for a scorecard that carries no trend", nullable = true) Trend outcomeTrend,
		@Schema(description = "The outcome growth in words, with its 95% margin",
				example = "-25.0 % ± 6.0 %") String outcomeGrowth,
		@Schema(description = "The outcomes' trend in words",
				example = "Outcomes: down — -25.0 % ± 6.0 %") String outcomeSummary,
		double vanityIndex, double impactScore, List<Growth> metrics, Evidence evidence, List<String> flags,
		String explanation, Instant scoredAt) {

	/** The view of a scorecard. */
	public static ScorecardView of(BrandScored scorecard) {
		return new ScorecardView(scorecard.brand(), scorecard.asOf(), scorecard.windowDays(), scorecard.verdict(),
				Verdicts.label(scorecard.verdict()), scorecard.vanityGrowthPercent(),
				scorecard.vanityMarginPercent(), scorecard.vanityTrend(),
				Phrases.growth(scorecard.vanityGrowthPercent(), scorecard.vanityMarginPercent()),
				Phrases.audience(scorecard),
				scorecard.outcomeGrowthPercent(), scorecard.outcomeMarginPercent(), scorecard.outcomeTrend(),
				Phrases.growth(scorecard.outcomeGrowthPercent(), scorecard.outcomeMarginPercent()),
				Phrases.outcomes(scorecard),
				scorecard.vanityIndex(), scorecard.impactScore(),
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
	 * @param marginPercent half-width of the change's 95% confidence interval, {@code null} when unknown
	 * @param growth the change in words, such as {@code +6.0 % ± 4.0 %}
	 * @param daysObserved days with a known value
	 * @param channels channels whose data entered the growth (0 when not reported)
	 */
	public record Growth(String metric, MetricCategory category, MetricTier tier, Double startValue, Double endValue,
			@Schema(description = "Change over the window in percent; null when unknown",
					nullable = true) Double growthPercent,
			@Schema(description = "Half-width of the change's 95% confidence interval, in percent; null when "
					+ "unknown", nullable = true) Double marginPercent,
			@Schema(description = "The change in words, with its 95% margin", example = "+6.0 % ± 4.0 %") String growth,
			int daysObserved, @Schema(description = "Channels whose data entered the growth") int channels) {

		static Growth of(MetricGrowth growth) {
			return new Growth(growth.metric(), growth.category(), growth.tier(), growth.startValue(),
					growth.endValue(), growth.growthPercent(), growth.marginPercent(),
					Phrases.growth(growth.growthPercent(), growth.marginPercent()), growth.daysObserved(),
					growth.channels());
		}

	}

	/**
	 * The lagged relationship between audience growth and outcome growth.
	 *
	 * @param vanitySeries what measured the audience side
	 * @param outcomeSeries what measured the outcome side
	 * @param bestLagDays lag in days at which audience growth best leads outcomes, {@code null} when unknown
	 * @param correlation correlation at that lag, {@code null} when unknown
	 * @param elasticity percent of outcome per 1% of audience growth, {@code null} unless the link is
	 * significant and its size informative
	 * @param elasticityLow lower end of the elasticity's 95% confidence interval, {@code null} with it
	 * @param elasticityHigh upper end of the elasticity's 95% confidence interval, {@code null} with it
	 * @param pValue chance of a link this strong by accident, {@code null} when unknown
	 * @param samples paired days the evidence rests on
	 * @param significant whether the link is positive and significant
	 * @param effect what the evidence says, in one sentence
	 */
	public record Evidence(String vanitySeries, String outcomeSeries, Integer bestLagDays, Double correlation,
			@Schema(description = "Percent of outcome per 1% of audience growth; null unless the link is "
					+ "significant and its size informative", nullable = true) Double elasticity,
			@Schema(description = "Lower end of the elasticity's 95% confidence interval",
					nullable = true) Double elasticityLow,
			@Schema(description = "Upper end of the elasticity's 95% confidence interval",
					nullable = true) Double elasticityHigh,
			Double pValue, int samples, boolean significant,
			@Schema(description = "What the evidence says, in one sentence",
					example = "Each 1 % of growth in followers brings +0.8 % sales revenue (95 % CI 0.3 to 1.3) "
							+ "about 7 days later (p = 0.002).") String effect) {

		static Evidence of(ConversionEvidence evidence) {
			if (evidence == null) {
				return null;
			}
			return new Evidence(evidence.vanitySeries(), evidence.outcomeSeries(), evidence.bestLagDays(),
					evidence.correlation(), evidence.elasticity(), evidence.elasticityLow(), evidence.elasticityHigh(),
					evidence.pValue(), evidence.samples(), evidence.significant(), Phrases.effect(evidence));
		}

	}

}
