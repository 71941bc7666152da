package io.brandsignal.scoring.evidence;

import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.event.ConversionEvidence;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Tests whether audience growth leads outcome growth. Both daily series are turned into log-growth
 * (differenced logs), which removes shared trends that would otherwise fake a link; then, for each
 * lag {@code k = 0..maxLag}, the outcome growth of day {@code t} is paired with the audience growth of
 * day {@code t - k}. The lag with the highest correlation wins; its one-sided p-value (positive link)
 * is Šidák-corrected for the number of lags searched, and the slope of outcome growth on lagged audience
 * growth is the elasticity. With fewer than {@code minSamples} pairs at every lag, or no variation, the
 * evidence is reported as insufficient rather than guessed.
 */
public final class ConversionEvidenceCalculator {

	private final int maxLagDays;

	private final int minSamples;

	private final double significanceLevel;

	/**
	 * @param maxLagDays the largest lag searched, in days
	 * @param minSamples pairs a lag needs to be considered
	 * @param significanceLevel corrected p-value below which a positive link is significant
	 */
	public ConversionEvidenceCalculator(int maxLagDays, int minSamples, double significanceLevel) {
		this.maxLagDays = maxLagDays;
		this.minSamples = minSamples;
		this.significanceLevel = significanceLevel;
	}

	/**
	 * Daily log-growth of a series of values: {@code g[t] = ln(x[t] - m + 1) - ln(x[t-1] - m + 1)}, where
	 * {@code m = min(0, lowerBound)} shifts signed scales (NPS, sentiment) to positive values and the
	 * {@code + 1} keeps days with a zero finite. {@code g[0]} and any day next to an unknown value are
	 * {@link Double#NaN}.
	 * @param values the daily values, {@code NaN} where unknown
	 * @param lowerBound the smallest value the metric can take
	 * @return the log-growth per day
	 */
	public static double[] logGrowth(double[] values, double lowerBound) {
		double shift = Math.min(0, lowerBound);
		double[] growth = new double[values.length];
		growth[0] = Double.NaN;
		for (int t = 1; t < values.length; t++) {
			double today = values[t];
			double yesterday = values[t - 1];
			growth[t] = (Double.isNaN(today) || Double.isNaN(yesterday)) ? Double.NaN
					: Math.log(today - shift + 1) - Math.log(yesterday - shift + 1);
		}
		return growth;
	}

	/**
	 * The evidence from two aligned daily value series (same first day and length).
	 * @param vanityName what the audience series measures
	 * @param vanityValues audience values per day, {@code NaN} where unknown
	 * @param vanityLowerBound the audience metric's smallest valid value
	 * @param outcomeName what the outcome series measures
	 * @param outcomeValues outcome values per day, {@code NaN} where unknown
	 * @param outcomeLowerBound the outcome metric's smallest valid value
	 * @return the evidence, or {@link ConversionEvidence#insufficient} when there is too little data
	 */
	public ConversionEvidence evaluate(String vanityName, double[] vanityValues, double vanityLowerBound,
			String outcomeName, double[] outcomeValues, double outcomeLowerBound) {
		return evaluateGrowth(vanityName, logGrowth(vanityValues, vanityLowerBound), outcomeName,
				logGrowth(outcomeValues, outcomeLowerBound));
	}

	/**
	 * The evidence from two aligned daily growth series.
	 * @param vanityName what the audience series measures
	 * @param vanityGrowth audience log-growth per day, {@code NaN} where unknown
	 * @param outcomeName what the outcome series measures
	 * @param outcomeGrowth outcome log-growth per day, {@code NaN} where unknown
	 * @return the evidence
	 */
	public ConversionEvidence evaluateGrowth(String vanityName, double[] vanityGrowth, String outcomeName,
			double[] outcomeGrowth) {
		List<LagCorrelation> candidates = new ArrayList<>();
		int mostPairs = 0;
		for (int lag = 0; lag <= this.maxLagDays; lag++) {
			LagCorrelation correlation = correlate(vanityGrowth, outcomeGrowth, lag);
			mostPairs = Math.max(mostPairs, correlation.samples());
			if (correlation.samples() >= this.minSamples && Double.isFinite(correlation.correlation())) {
				candidates.add(correlation);
			}
		}
		if (candidates.isEmpty()) {
			return ConversionEvidence.insufficient(vanityName, outcomeName, mostPairs);
		}
		LagCorrelation best = candidates.get(0);
		for (LagCorrelation candidate : candidates) {
			if (candidate.correlation() > best.correlation()) {
				best = candidate;
			}
		}
		double corrected = sidak(best.oneSidedPValue(), candidates.size());
		boolean significant = corrected < this.significanceLevel && best.slope() > 0;
		return new ConversionEvidence(vanityName, outcomeName, best.lag(), best.correlation(), best.slope(), null, null, corrected,
				best.samples(), significant);
	}

	/**
	 * Šidák correction: the probability that at least one of {@code tests} independent tests reaches a
	 * p-value this small by chance, {@code 1 - (1 - p)^m}.
	 * @param pValue the smallest p-value among the tests
	 * @param tests how many tests were searched
	 * @return the corrected p-value
	 */
	public static double sidak(double pValue, int tests) {
		if (pValue >= 1) {
			return 1;
		}
		return Math.min(1, -Math.expm1(tests * Math.log1p(-pValue)));
	}

	/**
	 * Pearson correlation, slope and one-sided p-value of outcome growth on audience growth {@code lag}
	 * days earlier, over the days where both are known.
	 */
	static LagCorrelation correlate(double[] vanityGrowth, double[] outcomeGrowth, int lag) {
		SimpleRegression regression = new SimpleRegression();
		int length = Math.min(vanityGrowth.length, outcomeGrowth.length);
		for (int t = lag; t < length; t++) {
			double x = vanityGrowth[t - lag];
			double y = outcomeGrowth[t];
			if (Double.isFinite(x) && Double.isFinite(y)) {
				regression.addData(x, y);
			}
		}
		int samples = (int) regression.getN();
		if (samples < 3) {
			return new LagCorrelation(lag, samples, Double.NaN, Double.NaN, Double.NaN);
		}
		double r = regression.getR();
		double slope = regression.getSlope();
		return new LagCorrelation(lag, samples, r, slope, oneSidedPValue(r, samples));
	}

	/** Probability of a correlation at least {@code r} among {@code n} pairs with no link (t-test). */
	static double oneSidedPValue(double r, int n) {
		if (!Double.isFinite(r)) {
			return Double.NaN;
		}
		if (r >= 1) {
			return 0;
		}
		if (r <= -1) {
			return 1;
		}
		int degrees = n - 2;
		double t = r * Math.sqrt(degrees / (1 - r * r));
		return new TDistribution(degrees).cumulativeProbability(-t);
	}

	/** The relationship at one lag. */
	record LagCorrelation(int lag, int samples, double correlation, double slope, double oneSidedPValue) {
	}

}
