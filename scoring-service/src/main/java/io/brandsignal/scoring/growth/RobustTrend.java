package io.brandsignal.scoring.growth;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A straight-line trend through a daily series that neither a day-of-week cycle nor a single odd day
 * can bend, with a standard error. The model is {@code y(t) = level(weekday of t) + slope * t}: each
 * weekday has a level of its own (posting days, weekend sales), the trend is shared.
 * <ul>
 * <li><b>Fit</b>: a Huber M-estimate (Huber 1964) by iteratively reweighted least squares: days whose
 * residual exceeds {@value #HUBER_K} robust standard deviations (1.4826 times the median absolute
 * residual) are down-weighted in proportion, so one odd day cannot bend the slope, while ordinary noise
 * is used as fully as least squares would (about 95% of its efficiency under normal noise, where a median
 * of pairwise slopes keeps only about two thirds: the simulation study's +10% sales growth was found in
 * 80% instead of 97% of brands with the median).</li>
 * <li><b>Level</b>: the mean of the weekday levels at the series' first day: the typical day's value
 * there.</li>
 * <li><b>Standard error</b>: the M-estimator's sandwich form
 * {@code sqrt(n / (n - p) * sum(psi_i^2 d_i^2)) / sum(psi'_i d_i^2)}, with {@code psi} Huber's function
 * of the residuals, {@code d_i} the day's distance from its weekday's mean day and {@code p} the fitted
 * parameters; widened by {@code f = sqrt((1 + rho) / (1 - rho))} for the residuals' lag-1
 * autocorrelation {@code rho} (Kendall's bias correction, clamped to {@code [0, maxAutocorrelation]}),
 * since neighbouring days of a real series are rarely independent, and by a small-sample factor of
 * {@value #SMALL_SAMPLE_FACTOR}. Calibrated by simulation in RobustTrendTests.</li>
 * </ul>
 */
public final class RobustTrend {

	/** Huber's tuning constant: 95% efficiency under normal noise. */
	static final double HUBER_K = 1.345;

	private static final double MAD_TO_SIGMA = 1.4826;

	/**
	 * Widens the sandwich standard error, which reads about 8% low on four weeks of data (calibrated by
	 * RobustTrendTests: 95% intervals then cover the true slope in 95-96% of flat noisy series).
	 */
	static final double SMALL_SAMPLE_FACTOR = 1.08;

	private static final int ITERATIONS = 20;

	private static final int WEEK = 7;

	private final double maxAutocorrelation;

	/**
	 * @param maxAutocorrelation the largest residual autocorrelation used to widen the standard error
	 */
	public RobustTrend(double maxAutocorrelation) {
		this.maxAutocorrelation = maxAutocorrelation;
	}

	/**
	 * Fits the trend.
	 * @param values one value per day, {@link Double#NaN} where unknown
	 * @return the fit, or {@code null} when fewer than three same-weekday pairs are known
	 */
	public Fit fit(double[] values) {
		int n = values.length;
		int[] counts = new int[WEEK];
		int known = 0;
		for (int t = 0; t < n; t++) {
			if (!Double.isNaN(values[t])) {
				counts[t % WEEK]++;
				known++;
			}
		}
		int pairs = 0;
		int weekdays = 0;
		for (int count : counts) {
			pairs += count * (count - 1) / 2;
			weekdays += (count > 0) ? 1 : 0;
		}
		if (pairs < 3) {
			return null;
		}
		double[] weights = new double[n];
		Arrays.fill(weights, 1);
		double[] meanDay = new double[WEEK];
		double[] meanValue = new double[WEEK];
		double[] residuals = new double[n];
		double slope = 0;
		double scale = 0;
		int parameters = weekdays + 1;
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			weekdayMeans(values, weights, meanDay, meanValue);
			double products = 0;
			double squares = 0;
			for (int t = 0; t < n; t++) {
				if (!Double.isNaN(values[t])) {
					double day = t - meanDay[t % WEEK];
					products += weights[t] * day * (values[t] - meanValue[t % WEEK]);
					squares += weights[t] * day * day;
				}
			}
			double next = (squares > 0) ? products / squares : 0;
			double[] absolute = new double[known];
			int k = 0;
			for (int t = 0; t < n; t++) {
				if (Double.isNaN(values[t])) {
					residuals[t] = Double.NaN;
					continue;
				}
				residuals[t] = values[t] - meanValue[t % WEEK] - next * (t - meanDay[t % WEEK]);
				absolute[k++] = Math.abs(residuals[t]);
			}
			scale = MAD_TO_SIGMA * median(absolute) * Math.sqrt((double) known / Math.max(1, known - parameters));
			boolean converged = iteration > 0 && Math.abs(next - slope) <= 1e-12 * Math.max(1, Math.abs(next));
			slope = next;
			if (scale == 0 || converged) {
				break;
			}
			for (int t = 0; t < n; t++) {
				if (!Double.isNaN(values[t])) {
					double size = Math.abs(residuals[t]);
					weights[t] = (size <= HUBER_K * scale) ? 1 : HUBER_K * scale / size;
				}
			}
		}
		double level = 0;
		for (int weekday = 0; weekday < WEEK; weekday++) {
			if (counts[weekday] > 0) {
				level += meanValue[weekday] - slope * meanDay[weekday];
			}
		}
		level /= weekdays;
		int degreesOfFreedom = Math.max(1, known - parameters);
		return new Fit(slope, level, standardError(residuals, meanDay, scale, known, degreesOfFreedom),
				degreesOfFreedom);
	}

	/** The sandwich standard error of the slope, widened for autocorrelated residuals. */
	private double standardError(double[] residuals, double[] meanDay, double scale, int known, int degreesOfFreedom) {
		double meat = 0;
		double bread = 0;
		for (int t = 0; t < residuals.length; t++) {
			if (Double.isNaN(residuals[t])) {
				continue;
			}
			double day = t - meanDay[t % WEEK];
			double bound = HUBER_K * scale;
			boolean inside = Math.abs(residuals[t]) <= bound;
			double psi = inside ? residuals[t] : Math.copySign(bound, residuals[t]);
			meat += psi * psi * day * day;
			bread += inside ? day * day : 0;
		}
		if (meat == 0) {
			return 0;
		}
		if (bread == 0) {
			return Double.POSITIVE_INFINITY;
		}
		// Kendall's first-order bias correction: the lag-1 autocorrelation of a short series reads low
		double estimated = lagOneAutocorrelation(residuals);
		double rho = Math.max(0, Math.min(this.maxAutocorrelation, estimated + (1 + 3 * estimated) / known));
		return SMALL_SAMPLE_FACTOR * Math.sqrt((1 + rho) / (1 - rho))
				* Math.sqrt((double) known / degreesOfFreedom * meat) / bread;
	}

	/** Weighted mean day and value of each weekday. */
	private static void weekdayMeans(double[] values, double[] weights, double[] meanDay, double[] meanValue) {
		double[] total = new double[WEEK];
		Arrays.fill(meanDay, 0);
		Arrays.fill(meanValue, 0);
		for (int t = 0; t < values.length; t++) {
			if (!Double.isNaN(values[t])) {
				int weekday = t % WEEK;
				total[weekday] += weights[t];
				meanDay[weekday] += weights[t] * t;
				meanValue[weekday] += weights[t] * values[t];
			}
		}
		for (int weekday = 0; weekday < WEEK; weekday++) {
			if (total[weekday] > 0) {
				meanDay[weekday] /= total[weekday];
				meanValue[weekday] /= total[weekday];
			}
		}
	}

	/** The two-sided Student-t quantile for a confidence level and degrees of freedom. */
	public static double quantile(double confidence, int degreesOfFreedom) {
		return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2);
	}

	private static double lagOneAutocorrelation(double[] residuals) {
		double products = 0;
		double squares = 0;
		for (int t = 0; t < residuals.length; t++) {
			if (!Double.isNaN(residuals[t])) {
				squares += residuals[t] * residuals[t];
				if (t > 0 && !Double.isNaN(residuals[t - 1])) {
					products += residuals[t] * residuals[t - 1];
				}
			}
		}
		return (squares > 0) ? products / squares : 0;
	}

	static double median(double[] values) {
		Arrays.sort(values);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * A fitted trend.
	 *
	 * @param slope change per day
	 * @param level the typical day's value at the first day of the series
	 * @param standardError standard error of the slope
	 * @param degreesOfFreedom residual degrees of freedom, for the t quantile
	 */
	public record Fit(double slope, double level, double standardError, int degreesOfFreedom) {
	}

}
