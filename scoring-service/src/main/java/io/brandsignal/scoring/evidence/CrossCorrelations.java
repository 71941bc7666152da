package io.brandsignal.scoring.evidence;

/**
 * Pearson correlation of one daily series shifted against another, over the days on which both are known.
 */
final class CrossCorrelations {

	private CrossCorrelations() {
	}

	/**
	 * The correlation of {@code a[(t - offset) mod n]} with {@code b[t]} over the days {@code t >= firstDay}
	 * on which both are known. With {@code firstDay >= offset} no pair wraps around, which is how a lag is
	 * read; with {@code firstDay = 0} the shift is circular, which is how the null is drawn.
	 * @param a the series that is shifted, {@link Double#NaN} where unknown
	 * @param b the series held in place, same length
	 * @param offset the shift, {@code 0..n-1}
	 * @param firstDay the first day of {@code b} paired
	 * @return the correlation ({@link Double#NaN} with fewer than 3 pairs or no variation) and its pairs
	 */
	static Correlation correlation(double[] a, double[] b, int offset, int firstDay) {
		int n = b.length;
		int count = 0;
		double sumX = 0;
		double sumY = 0;
		double sumXX = 0;
		double sumYY = 0;
		double sumXY = 0;
		for (int t = firstDay; t < n; t++) {
			int j = t - offset;
			if (j < 0) {
				j += n;
			}
			double x = a[j];
			double y = b[t];
			// NaN fails both comparisons, so this skips unknown days without a method call per day.
			if (x == x && y == y) {
				count++;
				sumX += x;
				sumY += y;
				sumXX += x * x;
				sumYY += y * y;
				sumXY += x * y;
			}
		}
		if (count < 3) {
			return new Correlation(Double.NaN, count);
		}
		double varianceX = sumXX - sumX * sumX / count;
		double varianceY = sumYY - sumY * sumY / count;
		if (!(varianceX > 0 && varianceY > 0)) {
			return new Correlation(Double.NaN, count);
		}
		return new Correlation((sumXY - sumX * sumY / count) / Math.sqrt(varianceX * varianceY), count);
	}

	/**
	 * A correlation and the pairs behind it.
	 * @param r the Pearson correlation, {@link Double#NaN} when undefined
	 * @param pairs the paired days
	 */
	record Correlation(double r, int pairs) {

		/** {@code r * sqrt(pairs)}: about standard normal for two independent series, one of them white. */
		double z() {
			return this.r * Math.sqrt(this.pairs);
		}

	}

}
