package io.brandsignal.contract.campaign;

/** Whether a campaign's lift on one metric could be estimated, and if not, why. */
public enum CampaignLiftState {

	/** Too few campaign days known yet. */
	TOO_EARLY,

	/** Too little history before the campaign (outside other campaigns) for a counterfactual and placebos. */
	NOT_ENOUGH_PRE_PERIOD,

	/** Estimated, with an interval and a placebo p-value. */
	ESTIMATED

}
