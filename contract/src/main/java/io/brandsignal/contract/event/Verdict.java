package io.brandsignal.contract.event;

/**
 * The one-word answer for a brand: is its audience growth turning into outcomes?
 */
public enum Verdict {

	/** Audience and outcomes both grow. */
	BRAND_BUILDER,

	/** Audience grows, outcomes are flat or falling. */
	VANITY_TRAP,

	/** Outcomes grow without audience growth. */
	QUIET_PERFORMER,

	/** Outcomes fall and the audience does not grow. */
	DECLINING,

	/** Neither audience nor outcomes move. */
	STEADY,

	/** Too little data in the window to say. */
	INSUFFICIENT_DATA

}
