package io.brandsignal.scoring.evidence;

import io.brandsignal.contract.event.ConversionEvidence;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.RealMatrix;

/**
 * Tests whether a brand's audience growth leads its outcomes, calibrated to hold its level on the series
 * real feeds produce (weekly cycles, trends, campaigns, autocorrelated noise, small counts), and measures
 * how much the outcome moves per percent of audience growth. Pure and deterministic: the same series always
 * give the same evidence. docs/scoring.md, section 7, states the method; in short:
 * <ol>
 * <li><b>Signals</b> ({@link LeadSignals#signal}): a stock's daily relative change, a flow's relative
 * deviation from its mean (linear, so small counts stay tame).</li>
 * <li><b>Day of week</b>: each signal less its weekday mean, then divided by its weekday's robust spread
 * (for the test only), so a shared weekly rhythm or a noisier posting day cannot pose as a lead.</li>
 * <li><b>The outcome's own past</b> (Granger): an AR(q) with intercept, {@code q <= 7} by AIC, fitted to
 * the outcome signal; its residuals {@code e[t]} are what the outcome's past does not predict. The
 * audience signal {@code x[t]} is <i>not</i> prewhitened: a regression whose errors are white is valid
 * whatever the regressor's autocorrelation, and prewhitening a several-day campaign leaves only spikes at
 * its start and end, which halved the power and, meeting the spikes an S-shaped outcome leaves, raised
 * false positives (14% on independent S-curves, 15% campaigns against a weekly survey).</li>
 * <li><b>Statistic</b>: for each lag {@code k = 0..maxLag}, {@code r_k} = correlation of {@code x[t-k]}
 * with {@code e[t]} over days {@code t >= k} where both are known ({@code m_k} pairs) and
 * {@code z_k = r_k sqrt(m_k)}; the best lag is the largest {@code z_k}.</li>
 * <li><b>Null</b>: {@code z_d} of the circularly shifted audience for every offset {@code d} at least
 * {@value #NULL_GUARD_DAYS} days away from the tested lags (about 145 offsets for 180 days). Their mean
 * square (never below 1, the value for white residuals) scales the statistic, so leftover autocorrelation
 * or heteroscedasticity widens the null instead of faking a lead; their kurtosis sets the degrees of
 * freedom {@code nu = 4 + 6 / kurtosis} of a Student-t tail, so a few dominant days (campaigns, weekly
 * surveys) widen it too. {@code p1 = P(T_nu >= z_max / scale * sqrt(nu / (nu - 2)))} and, for the best
 * of {@code maxLag + 1} lags, {@code p = 1 - (1 - p1)^(maxLag + 1)} (Šidák). The exact circular-shift
 * p-value of the best-of-lags statistic cannot be used: neighbouring shifts share 21 of their 22 lags,
 * so 180 days hold only about eight independent draws and the test fired on 15% of independent white
 * noise; the null offsets serve instead to calibrate the scale and the tail of one lag's statistic.</li>
 * <li><b>Significant</b> when {@code p < significanceLevel} and {@code r} at the best lag is positive.</li>
 * <li><b>Effect size</b> ({@link #response}): a cumulative distributed-lag response with a 95% interval,
 * reported only when significant and informative ({@link Response#informative}).</li>
 * </ol>
 * Calibration and power on synthetic brands are measured by {@code LeadTestCalibrationTests}.
 */
public final class LeadTest {

	/** Largest autoregressive order tried for the outcome's own past: a week. */
	static final int MAX_AR_ORDER = 7;

	/** Days kept between the tested lags and any offset the null draws from. */
	static final int NULL_GUARD_DAYS = 7;

	/** Null offsets needed before their spread and tail are trusted over the white-noise theory. */
	static final int MIN_NULL_OFFSETS = 20;

	/** Degrees of freedom of the tail when the null offsets show no excess kurtosis (about normal). */
	private static final double NORMAL_DEGREES = 200;

	/** Residual spread below this (the signals are standardised to about 1) means nothing is left to test. */
	private static final double NO_VARIATION = 1e-6;

	private final int maxLagDays;

	private final int minPairedDays;

	private final double significanceLevel;

	/**
	 * @param maxLagDays the largest lead searched, in days
	 * @param minPairedDays days on which both signals must be known before anything is tested
	 * @param significanceLevel p-value below which a positive lead is significant
	 */
	public LeadTest(int maxLagDays, int minPairedDays, double significanceLevel) {
		if (maxLagDays < 0 || minPairedDays < 1 || !(significanceLevel > 0 && significanceLevel < 1)) {
			throw new IllegalArgumentException("Invalid lead test settings: max lag " + maxLagDays
					+ ", min paired days " + minPairedDays + ", significance level " + significanceLevel);
		}
		this.maxLagDays = maxLagDays;
		this.minPairedDays = minPairedDays;
		this.significanceLevel = significanceLevel;
	}

	/**
	 * Days on which both transformed signals are known: what the scorer compares to pick the series pair
	 * with the most usable data.
	 * @param audience the audience series
	 * @param outcome the outcome series, aligned with the audience (same days)
	 * @return the number of paired days
	 */
	public int pairedDays(LeadSeries audience, LeadSeries outcome) {
		checkAligned(audience, outcome);
		return paired(LeadSignals.signal(audience), LeadSignals.signal(outcome));
	}

	/**
	 * The evidence that the audience leads the outcome.
	 * @param audience the audience series
	 * @param outcome the outcome series, aligned with the audience (same days)
	 * @return the evidence; {@link ConversionEvidence#insufficient} with the paired days when fewer than
	 * {@code minPairedDays} days are usable or either signal has no variation left to test (a constant,
	 * or a noiseless trend the outcome's own past predicts exactly)
	 */
	public ConversionEvidence evaluate(LeadSeries audience, LeadSeries outcome) {
		checkAligned(audience, outcome);
		double[] audienceSignal = LeadSignals.signal(audience);
		double[] outcomeSignal = LeadSignals.signal(outcome);
		int paired = paired(audienceSignal, outcomeSignal);
		if (paired < this.minPairedDays) {
			return ConversionEvidence.insufficient(audience.name(), outcome.name(), paired);
		}
		double[] audienceCentred = LeadSignals.withoutWeekdayMeans(audienceSignal);
		double[] outcomeCentred = LeadSignals.withoutWeekdayMeans(outcomeSignal);
		double[] x = LeadSignals.standardisedByWeekday(audienceCentred);
		AutoRegression outcomePast = AutoRegression.fit(LeadSignals.standardisedByWeekday(outcomeCentred),
				MAX_AR_ORDER);
		double[] e = outcomePast.residuals();
		Lead lead = (spread(x) < NO_VARIATION || spread(e) < NO_VARIATION) ? null : lead(x, e);
		if (lead == null) {
			return ConversionEvidence.insufficient(audience.name(), outcome.name(), paired);
		}
		boolean significant = lead.pValue() < this.significanceLevel && lead.correlation() > 0;
		Response response = significant
				? response(audienceCentred, outcomeCentred, outcomePast.order(), lead.lag()) : null;
		boolean shown = response != null && response.informative();
		return new ConversionEvidence(audience.name(), outcome.name(), lead.lag(), lead.correlation(),
				shown ? response.cumulative() : null, shown ? response.low() : null, shown ? response.high() : null,
				lead.pValue(), lead.samples(), significant);
	}

	/**
	 * The best lag and its p-value (steps 4 and 5 of the class comment).
	 * @param x the audience signal, weekday-standardised
	 * @param e the outcome's residuals after its own past
	 * @return the lead, or {@code null} when no lag has a defined correlation
	 */
	Lead lead(double[] x, double[] e) {
		int n = e.length;
		int lags = Math.min(this.maxLagDays, n - 1);
		CrossCorrelations.Correlation best = null;
		int bestLag = -1;
		for (int lag = 0; lag <= lags; lag++) {
			CrossCorrelations.Correlation candidate = CrossCorrelations.correlation(x, e, lag, lag);
			if (Double.isFinite(candidate.r()) && (best == null || candidate.z() > best.z())) {
				best = candidate;
				bestLag = lag;
			}
		}
		if (best == null) {
			return null;
		}
		double sumOfSquares = 0;
		double sumOfFourthPowers = 0;
		int offsets = 0;
		for (int offset = lags + 1 + NULL_GUARD_DAYS; offset <= n - 1 - NULL_GUARD_DAYS; offset++) {
			double z = CrossCorrelations.correlation(x, e, offset, 0).z();
			if (Double.isFinite(z)) {
				sumOfSquares += z * z;
				sumOfFourthPowers += z * z * z * z;
				offsets++;
			}
		}
		double scale = 1;
		double degrees = NORMAL_DEGREES;
		if (offsets >= MIN_NULL_OFFSETS) {
			double meanSquare = sumOfSquares / offsets;
			scale = Math.sqrt(Math.max(1, meanSquare));
			double excessKurtosis = sumOfFourthPowers / offsets / (meanSquare * meanSquare) - 3;
			degrees = Math.min(NORMAL_DEGREES, 4 + 6 / Math.max(excessKurtosis, 6 / NORMAL_DEGREES));
		}
		double standardised = best.z() / scale * Math.sqrt(degrees / (degrees - 2));
		double oneLag = new TDistribution(degrees).cumulativeProbability(-standardised);
		double pValue = -Math.expm1((lags + 1) * Math.log1p(-oneLag));
		return new Lead(bestLag, best.r(), pValue, best.pairs());
	}

	/**
	 * The cumulative response of the outcome to audience growth around the best lag, from the regression
	 * {@code y[t] = c + sum_i phi_i y[t-i] + sum_j b_j x[t-j] + u[t]} with {@code i = 1..q} (the outcome's
	 * autoregressive order) and {@code j} in {@code lag-1, lag, lag+1} clipped to {@code 0..maxLag}, on the
	 * weekday-centred signals (not standardised, so a coefficient reads as percent per percent). The three
	 * lags absorb a best lag that is off by a day. The cumulative response is {@code sum_j b_j}, its 95%
	 * interval {@code +- t(0.975, rows - columns) * sqrt(1' V 1)} with {@code V} the OLS covariance of the
	 * {@code b_j}.
	 * @param x the audience signal, weekday-centred
	 * @param y the outcome signal, weekday-centred
	 * @param outcomeOrder the outcome's autoregressive order {@code q}
	 * @param lag the best lag
	 * @return the response, or {@code null} when the regression cannot be fitted
	 */
	Response response(double[] x, double[] y, int outcomeOrder, int lag) {
		int firstLag = Math.max(0, lag - 1);
		int lastLag = Math.min(this.maxLagDays, lag + 1);
		int audienceLags = lastLag - firstLag + 1;
		int columns = 1 + outcomeOrder + audienceLags;
		double[][] gram = new double[columns + 1][columns + 1];
		double[] row = new double[columns + 1];
		row[0] = 1;
		for (int t = Math.max(outcomeOrder, lastLag); t < y.length; t++) {
			boolean known = Double.isFinite(y[t]);
			for (int i = 1; i <= outcomeOrder && known; i++) {
				row[i] = y[t - i];
				known = Double.isFinite(row[i]);
			}
			for (int j = 0; j < audienceLags && known; j++) {
				row[1 + outcomeOrder + j] = x[t - firstLag - j];
				known = Double.isFinite(row[1 + outcomeOrder + j]);
			}
			if (known) {
				row[columns] = y[t];
				LeastSquares.accumulate(gram, row);
			}
		}
		int degrees = (int) Math.round(gram[0][0]) - columns;
		LeastSquares.Fit fit = (degrees >= 2) ? LeastSquares.solve(gram, columns, columns) : null;
		if (fit == null) {
			return null;
		}
		RealMatrix inverse = fit.inverse();
		double cumulative = 0;
		double variance = 0;
		for (int i = columns - audienceLags; i < columns; i++) {
			cumulative += fit.coefficients()[i];
			for (int j = columns - audienceLags; j < columns; j++) {
				variance += inverse.getEntry(i, j);
			}
		}
		variance *= fit.residualSumOfSquares() / degrees;
		double halfWidth = new TDistribution(degrees).inverseCumulativeProbability(0.975)
				* Math.sqrt(Math.max(0, variance));
		return new Response(cumulative, cumulative - halfWidth, cumulative + halfWidth);
	}

	private static int paired(double[] audienceSignal, double[] outcomeSignal) {
		int paired = 0;
		for (int t = 0; t < audienceSignal.length; t++) {
			if (Double.isFinite(audienceSignal[t]) && Double.isFinite(outcomeSignal[t])) {
				paired++;
			}
		}
		return paired;
	}

	/** Root mean square of the known values (both inputs are centred). */
	private static double spread(double[] values) {
		double sum = 0;
		int known = 0;
		for (double value : values) {
			if (Double.isFinite(value)) {
				sum += value * value;
				known++;
			}
		}
		return (known > 0) ? Math.sqrt(sum / known) : 0;
	}

	private static void checkAligned(LeadSeries audience, LeadSeries outcome) {
		if (audience.values().length != outcome.values().length) {
			throw new IllegalArgumentException("Series '" + audience.name() + "' and '" + outcome.name()
					+ "' cover different days: " + audience.values().length + " and " + outcome.values().length);
		}
	}

	/**
	 * The strongest lead.
	 * @param lag the lag with the largest statistic
	 * @param correlation the correlation of audience signal and outcome residuals at that lag
	 * @param pValue the calibrated p-value of the best of all lags
	 * @param samples the paired days at that lag
	 */
	record Lead(int lag, double correlation, double pValue, int samples) {
	}

	/**
	 * The cumulative response and its 95% confidence interval, in percent of the outcome per percent of
	 * audience growth.
	 * @param cumulative the sum of the audience coefficients
	 * @param low lower end of the interval
	 * @param high upper end of the interval
	 */
	record Response(double cumulative, double low, double high) {

		/**
		 * Worth showing: finite, and the interval excludes zero, so at least the direction of the response is
		 * known. A significant lead whose size the regression cannot pin down (an interval from -40 to +90)
		 * is reported without a size rather than with a number a marketer would over-read.
		 */
		boolean informative() {
			return Double.isFinite(this.low) && Double.isFinite(this.high) && this.low > 0;
		}

	}

}
