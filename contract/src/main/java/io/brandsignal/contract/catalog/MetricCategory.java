package io.brandsignal.contract.catalog;

/**
 * Which side of the product's central question a metric stands on.
 */
public enum MetricCategory {

	/** Audience size and attention: followers, likes, views. Easy to grow, proves nothing alone. */
	VANITY,

	/** Brand and business results: awareness, NPS, sales, leads. What a marketing team is paid for. */
	OUTCOME

}
