package io.brandsignal.contract.event;

/**
 * Which way one side of a brand (its audience, or its outcomes) moved over the scoring window, once
 * the uncertainty of the growth estimate is taken into account.
 */
public enum Trend {

	/** Growth at or above the threshold, and its confidence interval lies above zero. */
	UP,

	/** Growth at or below minus the threshold, and its confidence interval lies below zero. */
	DOWN,

	/** Neither: the side did not move by more than the threshold and its uncertainty. */
	FLAT,

	/** No metric of this side has enough data in the window. */
	UNKNOWN

}
