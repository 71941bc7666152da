package io.brandsignal.dashboard.brand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;

/**
 * A brand with the headline numbers of its latest scorecard, as the brand list and the live stream
 * show it.
 *
 * @param brand the brand's slug
 * @param asOf last day of the scoring window
 * @param windowDays length of the scoring window in days
 * @param verdict the one-word answer
 * @param verdictLabel the verdict in words
 * @param vanityGrowthPercent audience growth over the window in percent, {@code null} when unknown
 * @param vanityMarginPercent half-width of its 95% confidence interval, {@code null} when unknown
 * @param vanityTrend up, down or flat once the uncertainty is counted, {@code null} when not carried
 * @param vanityGrowth the audience growth in words, such as {@code +6.0 % ± 4.0 %}
 * @param vanitySummary the audience's trend in words, such as {@code Audience: up — +6.0 % ± 4.0 %}
 * @param outcomeGrowthPercent outcome growth over the window in percent, {@code null} when unknown
 * @param outcomeMarginPercent half-width of its 95% confidence interval, {@code null} when unknown
 * @param outcomeTrend up, down or flat once the uncertainty is counted, {@code null} when not carried
 * @param outcomeGrowth the outcome growth in words
 * @param outcomeSummary the outcomes' trend in words
 * @param vanityIndex 0-100: how much of the growth is audience without outcome
 * @param impactScore 0-100: outcome growth and its link to the audience
 * @param flags notable patterns such as {@code FOLLOWER_SPIKE}
 * @param scoredAt when the scorecard was computed
 */
public record BrandSummary(String brand, LocalDate asOf, int windowDays, Verdict verdict, String verdictLabel,
		Double vanityGrowthPercent, Double vanityMarginPercent, Trend vanityTrend, String vanityGrowth,
		String vanitySummary, Double outcomeGrowthPercent, Double outcomeMarginPercent, Trend outcomeTrend,
		String outcomeGrowth, String outcomeSummary, double vanityIndex, double impactScore, List<String> flags,
		Instant scoredAt) {

	/** The summary of a scorecard. */
	public static BrandSummary of(BrandScored scorecard) {
		return new BrandSummary(scorecard.brand(), scorecard.asOf(), scorecard.windowDays(), scorecard.verdict(),
				Verdicts.label(scorecard.verdict()), scorecard.vanityGrowthPercent(),
				scorecard.vanityMarginPercent(), scorecard.vanityTrend(),
				Phrases.growth(scorecard.vanityGrowthPercent(), scorecard.vanityMarginPercent()),
				Phrases.audience(scorecard), scorecard.outcomeGrowthPercent(), scorecard.outcomeMarginPercent(),
				scorecard.outcomeTrend(),
				Phrases.growth(scorecard.outcomeGrowthPercent(), scorecard.outcomeMarginPercent()),
				Phrases.outcomes(scorecard), scorecard.vanityIndex(), scorecard.impactScore(), scorecard.flags(),
				scorecard.scoredAt());
	}

}
