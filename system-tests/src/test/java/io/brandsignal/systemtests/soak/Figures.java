package io.brandsignal.systemtests.soak;

import java.util.ArrayList;
import java.util.List;

import io.brandsignal.testsupport.benchmark.BenchmarkFigure;

/**
 * The figures a soak run reports, printed as a table for people and as {@code BENCHMARK|...} lines for
 * tools: name, value, unit, goal and whether it was met.
 */
final class Figures {

	private final List<BenchmarkFigure> figures = new ArrayList<>();

	void add(String name, double value, String unit, String goal, boolean met) {
		this.figures.add(new BenchmarkFigure(name, value, unit, Double.NaN, goal, met));
	}

	void print() {
		this.figures.forEach(BenchmarkFigure::print);
	}

	/** p-th percentile (0..100) of the values by the nearest-rank method; NaN when there are none. */
	static double percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int rank = (int) Math.ceil(p / 100 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/** Least-squares slope of y over x. */
	static double slope(List<double[]> points) {
		int n = points.size();
		if (n < 2) {
			return 0;
		}
		double meanX = points.stream().mapToDouble((p) -> p[0]).average().orElse(0);
		double meanY = points.stream().mapToDouble((p) -> p[1]).average().orElse(0);
		double sxy = 0;
		double sxx = 0;
		for (double[] p : points) {
			sxy += (p[0] - meanX) * (p[1] - meanY);
			sxx += (p[0] - meanX) * (p[0] - meanX);
		}
		return (sxx == 0) ? 0 : sxy / sxx;
	}

}
