package io.brandsignal.systemtests.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of measured samples, for the whole-stack benchmarks. */
final class Percentiles {

	private Percentiles() {
	}

	/** The value below which the given share of the samples lie (nearest rank), or NaN without samples. */
	static double of(Collection<? extends Number> samples, double share) {
		if (samples.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = samples.stream().mapToDouble(Number::doubleValue).toArray();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(share * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

}
