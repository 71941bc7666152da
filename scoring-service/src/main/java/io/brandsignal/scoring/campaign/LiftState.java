package io.brandsignal.scoring.campaign;

/**
 * Whether a campaign's lift on one metric could be estimated, and if not, why: an honest "not yet" instead of
 * a number that only looks like one.
 */
public enum LiftState {

	/** Fewer campaign days are known than {@link LiftRules#minCampaignDays()} (or it has not started). */
	TOO_EARLY,

	/**
	 * Too little history before the campaign, outside other campaigns: fewer known days than
	 * {@link LiftRules#minPreDays()} to fit the counterfactual, a level that changed on too few of them (a
	 * quarterly survey carried forward), or fewer placebo windows than {@link LiftRules#minPlacebos()} to
	 * calibrate on. The result's reason says which.
	 */
	NOT_ENOUGH_PRE_PERIOD,

	/** Estimated, with an interval and a placebo p-value. */
	ESTIMATED

}
