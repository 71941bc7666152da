package io.brandsignal.scoring.campaign;

import java.time.LocalDate;

/**
 * The settings of the campaign lift estimate, each with its documented default (docs/scoring.md, "Campaign
 * lift"): a component left {@code null} takes its default, like {@code ScoringRules}, so they can be bound from
 * {@code brandsignal.scoring.campaigns.*} later.
 *
 * @param carryOverDays days after a campaign's end still counted as its effect, unless the campaign says
 * otherwise (default 14)
 * @param minCampaignDays known campaign days before a lift is estimated at all (default 3)
 * @param minPreDays known pre-period days (outside other campaigns) the counterfactual needs (default 28)
 * @param fitDays the most recent pre-period days the counterfactual is fitted on (default 182)
 * @param minPlacebos placebo windows needed to calibrate the interval and p-value (default 10)
 * @param maxPlacebos most placebo windows estimated; more are thinned evenly (default 20)
 * @param significanceLevel p-value at or below which a lift is significant (default 0.05)
 * @param confidence confidence level of the intervals (default 0.95)
 */
public record LiftRules(Integer carryOverDays, Integer minCampaignDays, Integer minPreDays, Integer fitDays,
		Integer minPlacebos, Integer maxPlacebos, Double significanceLevel, Double confidence) {

	public LiftRules {
		carryOverDays = orDefault(carryOverDays, 14);
		minCampaignDays = orDefault(minCampaignDays, 3);
		minPreDays = orDefault(minPreDays, 28);
		fitDays = orDefault(fitDays, 182);
		minPlacebos = orDefault(minPlacebos, 10);
		maxPlacebos = orDefault(maxPlacebos, 20);
		significanceLevel = orDefault(significanceLevel, 0.05);
		confidence = orDefault(confidence, 0.95);
		require(carryOverDays >= 0, "campaigns.carry-over-days must not be negative");
		require(minCampaignDays >= 1, "campaigns.min-campaign-days must be at least 1");
		require(minPreDays >= 14, "campaigns.min-pre-days must be at least 14 (two weeks, for the weekday levels)");
		require(fitDays >= minPreDays, "campaigns.fit-days must be at least campaigns.min-pre-days");
		require(significanceLevel > 0 && significanceLevel < 1, "campaigns.significance-level must be in (0, 1)");
		require(minPlacebos >= 2 && maxPlacebos >= minPlacebos,
				"campaigns.min-placebos must be at least 2 and at most campaigns.max-placebos");
		require(confidence > 0.5 && confidence < 1, "campaigns.confidence must be in (0.5, 1)");
	}

	/** The documented defaults. */
	public static LiftRules defaults() {
		return new LiftRules(null, null, null, null, null, null, null, null);
	}

	/** A campaign's window with the default carry-over, for a campaign that does not set its own. */
	public CampaignWindow window(String id, LocalDate start, LocalDate end) {
		return new CampaignWindow(id, start, end, this.carryOverDays);
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
