package io.brandsignal.contract.catalog;

/**
 * The stage of the AMEC integrated evaluation framework a metric measures, from exposure to business
 * results.
 */
public enum MetricTier {

	/** Audience exposure: followers, impressions, reach. */
	OUTPUT(MetricCategory.VANITY),

	/** Audience engagement with the content: likes, engagements. */
	OUTTAKE(MetricCategory.VANITY),

	/** A change in the audience's mind: awareness, consideration, NPS, sentiment. */
	OUTCOME(MetricCategory.OUTCOME),

	/** Business results: sales, orders, conversions, leads. */
	IMPACT(MetricCategory.OUTCOME);

	private final MetricCategory category;

	MetricTier(MetricCategory category) {
		this.category = category;
	}

	/** The category every metric of this tier belongs to. */
	public MetricCategory category() {
		return this.category;
	}

}
