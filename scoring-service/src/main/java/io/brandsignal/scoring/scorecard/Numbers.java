package io.brandsignal.scoring.scorecard;

/**
 * Rounding for published numbers, so scorecards read cleanly and compare exactly.
 */
final class Numbers {

	private Numbers() {
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	static Double round(Double value, int decimals) {
		return (value != null) ? round(value.doubleValue(), decimals) : null;
	}

}
