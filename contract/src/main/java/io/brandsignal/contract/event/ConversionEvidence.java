package io.brandsignal.contract.event;

/**
 * The statistical evidence on whether audience growth leads outcome growth for a brand: a lagged
 * relationship between the differenced (log-growth) vanity and outcome series.
 *
 * @param vanitySeries what the audience side was measured by (a metric name or {@code vanity})
 * @param outcomeSeries what the outcome side was measured by (a metric name or {@code outcome})
 * @param bestLagDays the lag, in days, at which audience growth best leads outcome growth;
 * {@code null} when there is too little data
 * @param correlation correlation at the best lag; {@code null} when unknown
 * @param elasticity slope of outcome log-growth on lagged audience log-growth; {@code null} when
 * unknown
 * @param pValue probability of a link this strong by chance, corrected for the lag search;
 * {@code null} when unknown
 * @param samples number of paired days the evidence rests on
 * @param significant whether the link is positive and significant at the configured level
 */
public record ConversionEvidence(String vanitySeries, String outcomeSeries, Integer bestLagDays, Double correlation,
		Double elasticity, Double pValue, int samples, boolean significant) {

	/** Evidence that could not be computed for want of data. */
	public static ConversionEvidence insufficient(String vanitySeries, String outcomeSeries, int samples) {
		return new ConversionEvidence(vanitySeries, outcomeSeries, null, null, null, null, samples, false);
	}

}
