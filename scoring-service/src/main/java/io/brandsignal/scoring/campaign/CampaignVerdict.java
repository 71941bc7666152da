package io.brandsignal.scoring.campaign;

/**
 * What a campaign did, judged from its lift on each of the brand's metrics (docs/scoring.md, "Campaign lift").
 */
public enum CampaignVerdict {

	/** An outcome metric (awareness, sales, leads ...) rose significantly: placebo p at or below 0.05, interval above 0. */
	MOVED_OUTCOMES,

	/** An audience metric rose significantly, no outcome metric did. */
	BOUGHT_ATTENTION,

	/** Estimated, and nothing rose beyond its uncertainty. */
	NO_MEASURABLE_EFFECT,

	/** Too few campaign days known to estimate any metric. */
	TOO_EARLY,

	/**
	 * Not enough history before the campaign to estimate any metric (saying "no measurable effect" there would
	 * claim a measurement that was never made).
	 */
	NOT_ENOUGH_PRE_PERIOD

}
