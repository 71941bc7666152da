package io.brandsignal.contract.campaign;

/**
 * What a campaign did, judged from its lift on each of the brand's metrics (docs/scoring.md, "Campaign
 * lift"). A verdict other than {@link #TOO_EARLY} and {@link #NOT_ENOUGH_PRE_PERIOD} rests on placebo
 * p-values and intervals, never on a bare point estimate.
 */
public enum CampaignVerdict {

	/** An outcome metric (awareness, sales, leads ...) rose significantly. */
	MOVED_OUTCOMES,

	/** An audience metric rose significantly, no outcome metric did. */
	BOUGHT_ATTENTION,

	/** Estimated, and nothing rose beyond its uncertainty. */
	NO_MEASURABLE_EFFECT,

	/** Too few campaign days known to estimate any metric. */
	TOO_EARLY,

	/** Not enough history before the campaign to estimate any metric. */
	NOT_ENOUGH_PRE_PERIOD

}
