package io.brandsignal.testsupport.benchmark;

import java.util.Locale;

/**
 * One figure a benchmark measured, next to its baseline and goal, printed as one
 * {@code BENCHMARK|...} line that {@code ./benchmarks.sh} collects from every benchmark into a single
 * table. The line is the contract between the benchmarks and that script: fields separated by
 * {@code |}, a dash where a field does not apply.
 *
 * @param name what was measured, e.g. "ingest, JSON batches of 500 over HTTP"
 * @param value the measured figure
 * @param unit its unit, e.g. "obs/s" or "ms"
 * @param baseline the same job done by the best tool for it in the same run, or {@code NaN} for none
 * @param goal the product requirement in words, e.g. "ratio >= 0.5" or "<= 300 ms", or "-" for none
 * @param met whether the goal was met, {@code null} where there is no goal
 */
public record BenchmarkFigure(String name, double value, String unit, double baseline, String goal, Boolean met) {

	/** The prefix of every figure line. */
	public static final String PREFIX = "BENCHMARK|";

	/** A figure judged against a baseline: met when {@code value / baseline >= minimumRatio}. */
	public static BenchmarkFigure ratio(String name, double value, String unit, double baseline, double minimumRatio) {
		return new BenchmarkFigure(name, value, unit, baseline,
				String.format(Locale.ROOT, "ratio >= %.2f", minimumRatio), value / baseline >= minimumRatio);
	}

	/** A figure without a baseline, met when it is at most {@code limit}. */
	public static BenchmarkFigure atMost(String name, double value, String unit, double limit) {
		return new BenchmarkFigure(name, value, unit, Double.NaN, String.format(Locale.ROOT, "<= %s %s", number(limit), unit),
				value <= limit);
	}

	/** A figure without a baseline, met when it is at least {@code limit}. */
	public static BenchmarkFigure atLeast(String name, double value, String unit, double limit) {
		return new BenchmarkFigure(name, value, unit, Double.NaN, String.format(Locale.ROOT, ">= %s %s", number(limit), unit),
				value >= limit);
	}

	/** A figure reported for information only. */
	public static BenchmarkFigure info(String name, double value, String unit) {
		return new BenchmarkFigure(name, value, unit, Double.NaN, "-", null);
	}

	/** A figure set beside a baseline for comparison, without a goal of its own. */
	public static BenchmarkFigure compared(String name, double value, String unit, double baseline) {
		return new BenchmarkFigure(name, value, unit, baseline, "-", null);
	}

	/** The machine-readable line, e.g. {@code BENCHMARK|ingest|161000|obs/s|310000|0.52|ratio >= 0.50|yes}. */
	public String line() {
		boolean hasBaseline = !Double.isNaN(this.baseline);
		return PREFIX + String.join("|", this.name.replace('|', '/'), number(this.value), this.unit,
				hasBaseline ? number(this.baseline) : "-",
				hasBaseline ? String.format(Locale.ROOT, "%.2f", this.value / this.baseline) : "-", this.goal,
				(this.met == null) ? "-" : (this.met ? "yes" : "no"));
	}

	/** Prints {@link #line()} to standard output. */
	public void print() {
		System.out.println(line());
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%d", (long) value);
		}
		return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
	}

}
