package io.brandsignal.contract.catalog;

/**
 * How a metric's daily values add up over time, which decides how missing days are read.
 */
public enum MetricKind {

	/** A stock read at a point in time (followers, awareness %): a missing day carries the last value. */
	LEVEL,

	/** An amount per day (sales, likes): a missing day is unknown, never zero. */
	FLOW

}
