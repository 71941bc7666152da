package io.brandsignal.dashboard.brand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.event.BrandScored;
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
 * @param outcomeGrowthPercent outcome growth over the window in percent, {@code null} when unknown
 * @param vanityIndex 0-100: how much of the growth is audience without outcome
 * @param impactScore 0-100: outcome growth and its link to the audience
 * @param flags notable patterns such as {@code FOLLOWER_SPIKE}
 * @param scoredAt when the scorecard was computed
 */
public record BrandSummary(String brand, LocalDate asOf, int windowDays, Verdict verdict, String verdictLabel,
		Double vanityGrowthPercent, Double outcomeGrowthPercent, double vanityIndex, double impactScore,
		List<String> flags, Instant scoredAt) {

	/** The summary of a scorecard. */
	public static BrandSummary of(BrandScored scorecard) {
		return new BrandSummary(scorecard.brand(), scorecard.asOf(), scorecard.windowDays(), scorecard.verdict(),
				Verdicts.label(scorecard.verdict()), scorecard.vanityGrowthPercent(),
				scorecard.outcomeGrowthPercent(), scorecard.vanityIndex(), scorecard.impactScore(),
				scorecard.flags(), scorecard.scoredAt());
	}

}
