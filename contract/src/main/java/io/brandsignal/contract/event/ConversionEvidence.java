package io.brandsignal.contract.event;

/**
 * The statistical evidence on whether audience growth leads outcomes for a brand: a lead test of the
 * audience signal against the outcome signal with day-of-week effects removed and the outcome's own past
 * accounted for (Granger-style), its best-of-lags statistic judged against a null whose spread and tail
 * are calibrated on circular shifts of the same series (docs/scoring.md, section 7).
 *
 * @param vanitySeries what the audience side was measured by (a metric name or {@code vanity})
 * @param outcomeSeries what the outcome side was measured by (a metric name or {@code outcome})
 * @param bestLagDays the lag, in days, at which audience growth best leads outcomes; {@code null} when
 * there is too little data
 * @param correlation correlation of the prewhitened series at the best lag; {@code null} when unknown
 * @param elasticity cumulative response of the outcome to audience growth around the best lag: percent
 * of an ordinary day's outcome (or of its level, for a stock) per 1% of audience growth in a day;
 * {@code null} unless the link is significant and its interval finite and above zero
 * @param elasticityLow lower end of the elasticity's 95% confidence interval; {@code null} with it
 * @param elasticityHigh upper end of the elasticity's 95% confidence interval; {@code null} with it
 * @param pValue probability of a lead at least this strong at any searched lag by chance (corrected for
 * the lag search); {@code null} when unknown
 * @param samples number of paired days the evidence rests on
 * @param significant whether the lead is positive and significant at the configured level
 */
public record ConversionEvidence(String vanitySeries, String outcomeSeries, Integer bestLagDays, Double correlation,
		Double elasticity, Double elasticityLow, Double elasticityHigh, Double pValue, int samples,
		boolean significant) {

	/** Evidence that could not be computed for want of data. */
	public static ConversionEvidence insufficient(String vanitySeries, String outcomeSeries, int samples) {
		return new ConversionEvidence(vanitySeries, outcomeSeries, null, null, null, null, null, null, samples, false);
	}

}
