package io.brandsignal.systemtests.benchmark;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * One measured figure of a benchmark and the machine-readable line it prints, the same shape for every
 * benchmark so one table can be made of them:
 * {@code BENCHMARK|<figure>|<value>|<unit>|<baseline or ->|<ratio or ->|<goal>|<met yes/no>}.
 *
 * @param name what was measured
 * @param value the measured value
 * @param unit its unit
 * @param goal the goal as a reader states it ({@code <= 300 ms})
 * @param met whether the value meets the goal
 */
record Figure(String name, double value, String unit, String goal, boolean met) {

	/** A figure whose goal is an upper bound. */
	static Figure atMost(String name, double value, String unit, double limit) {
		return new Figure(name, value, unit, "<= " + format(limit) + " " + unit, value <= limit);
	}

	/** A figure only reported, with no goal of its own. */
	static Figure reported(String name, double value, String unit) {
		return new Figure(name, value, unit, "-", true);
	}

	String line() {
		return "BENCHMARK|" + this.name + "|" + format(this.value) + "|" + this.unit + "|-|-|" + this.goal + "|"
				+ ("-".equals(this.goal) ? "-" : (this.met ? "yes" : "no"));
	}

	/** The value below which the given share of the samples lie (nearest rank), or NaN without samples. */
	static double percentile(Collection<? extends Number> samples, double share) {
		if (samples.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = samples.stream().mapToDouble(Number::doubleValue).toArray();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(share * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	private static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e12) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
