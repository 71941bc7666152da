package io.brandsignal.scoring.evidence;

import java.util.Arrays;

import io.brandsignal.contract.catalog.MetricKind;

/**
 * Turns a {@link LeadSeries} into the daily signal the {@link LeadTest} correlates, and strips the signal
 * of day-of-week effects. A signal is a dimensionless fraction, so a regression of one signal on another
 * reads as percent per percent.
 */
final class LeadSignals {

	/** Days in the weekly cycle. Index 0 is an arbitrary weekday; day {@code t} falls on {@code t mod 7}. */
	static final int WEEK = 7;

	/** Fewer known days of a weekday than this and its spread is taken from the whole signal. */
	private static final int MIN_DAYS_PER_WEEKDAY = 4;

	/** Consistency factor of the median absolute deviation for a normal distribution. */
	private static final double MAD_TO_SD = 1.4826;

	private LeadSignals() {
	}

	/**
	 * The daily signal of a series.
	 * <ul>
	 * <li>LEVEL on a ratio scale ({@code min >= 0}): the relative change {@code (x[t] - x[t-1]) / x[t-1]};
	 * unknown on the first day, next to an unknown day, or when {@code x[t-1] <= 0}.</li>
	 * <li>LEVEL on a signed scale ({@code min < 0}, NPS, sentiment): the change as a fraction of the scale's
	 * range, {@code (x[t] - x[t-1]) / (max - min)}; relative change means nothing around zero.</li>
	 * <li>FLOW: the relative deviation from the series' mean, {@code y[t] / mean(y) - 1}. Linear, so days
	 * with zero leads stay finite and 0/1 counts cannot blow up an effect size (logs of counts do); not
	 * differenced, because differencing white noise leaves a lag-1 autocorrelation of -0.5 that the
	 * prewhitening would only have to undo. Unknown everywhere when the mean is not positive.</li>
	 * </ul>
	 * @param series the series
	 * @return the signal, one value per day, {@link Double#NaN} where unknown
	 */
	static double[] signal(LeadSeries series) {
		double[] x = series.values();
		double[] signal = new double[x.length];
		Arrays.fill(signal, Double.NaN);
		if (series.kind() == MetricKind.FLOW) {
			double sum = 0;
			int known = 0;
			for (double value : x) {
				if (Double.isFinite(value)) {
					sum += value;
					known++;
				}
			}
			double mean = (known > 0) ? sum / known : 0;
			if (mean > 0) {
				for (int t = 0; t < x.length; t++) {
					signal[t] = Double.isFinite(x[t]) ? x[t] / mean - 1 : Double.NaN;
				}
			}
			return signal;
		}
		boolean signed = series.min() < 0;
		double range = series.max() - series.min();
		for (int t = 1; t < x.length; t++) {
			double today = x[t];
			double yesterday = x[t - 1];
			if (!Double.isFinite(today) || !Double.isFinite(yesterday)) {
				continue;
			}
			if (signed) {
				signal[t] = (Double.isFinite(range) && range > 0) ? (today - yesterday) / range : Double.NaN;
			}
			else if (yesterday > 0) {
				signal[t] = (today - yesterday) / yesterday;
			}
		}
		return signal;
	}

	/**
	 * The signal less its mean on each weekday: a weekly posting rhythm or a weekend sales peak is a
	 * pattern both series can share without one leading the other.
	 * @param signal the signal, {@link Double#NaN} where unknown
	 * @return a new array, unknown where the signal is
	 */
	static double[] withoutWeekdayMeans(double[] signal) {
		double[] sums = new double[WEEK];
		int[] counts = new int[WEEK];
		for (int t = 0; t < signal.length; t++) {
			if (Double.isFinite(signal[t])) {
				sums[t % WEEK] += signal[t];
				counts[t % WEEK]++;
			}
		}
		double[] centred = new double[signal.length];
		for (int t = 0; t < signal.length; t++) {
			int day = t % WEEK;
			centred[t] = Double.isFinite(signal[t]) ? signal[t] - sums[day] / counts[day] : Double.NaN;
		}
		return centred;
	}

	/**
	 * A centred signal divided by its robust spread on each weekday (median absolute deviation, scaled to a
	 * standard deviation). Without this, two independent series that are both noisier on Mondays (posting
	 * day, sales peak) correlate more widely at lags 0, 7, 14 and 21 than at the lags the circular-shift
	 * null draws from, and the test fires far above its level. A robust spread keeps a campaign that falls
	 * on one weekday from muting itself. A weekday with too few known days, or no spread, takes the whole
	 * signal's spread (a weekday that is always exactly zero, as in a weekly-reported stock, stays zero).
	 * @param centred a signal without weekday means, {@link Double#NaN} where unknown
	 * @return a new array, unknown where the signal is
	 */
	static double[] standardisedByWeekday(double[] centred) {
		double overall = robustSpread(centred, -1);
		double[] scaled = new double[centred.length];
		double[] spreads = new double[WEEK];
		for (int day = 0; day < WEEK; day++) {
			double spread = robustSpread(centred, day);
			spreads[day] = (spread > 0) ? spread : overall;
		}
		for (int t = 0; t < centred.length; t++) {
			double spread = spreads[t % WEEK];
			scaled[t] = (spread > 0) ? centred[t] / spread : centred[t];
		}
		return scaled;
	}

	/**
	 * The median absolute deviation from the median, times 1.4826, of the known values on one weekday
	 * (or all days with {@code day < 0}); falls back to the mean absolute deviation times 1.2533 when more
	 * than half the values are equal (small counts), 0 when there are too few values or no spread.
	 */
	static double robustSpread(double[] values, int day) {
		double[] known = new double[values.length];
		int size = 0;
		for (int t = (day < 0) ? 0 : day; t < values.length; t += (day < 0) ? 1 : WEEK) {
			if (Double.isFinite(values[t])) {
				known[size++] = values[t];
			}
		}
		if (size < MIN_DAYS_PER_WEEKDAY) {
			return 0;
		}
		double[] sorted = Arrays.copyOf(known, size);
		Arrays.sort(sorted);
		double median = median(sorted);
		double meanAbsolute = 0;
		for (int i = 0; i < size; i++) {
			sorted[i] = Math.abs(sorted[i] - median);
			meanAbsolute += sorted[i];
		}
		Arrays.sort(sorted);
		double mad = median(sorted);
		if (mad > 0) {
			return MAD_TO_SD * mad;
		}
		return Math.sqrt(Math.PI / 2) * meanAbsolute / size;
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
