package io.brandsignal.scoring.campaign;

/**
 * Cholesky factorisation and solves of the small symmetric positive definite systems the counterfactual fit
 * makes (a dozen columns at most), without allocating a matrix library's objects per placebo.
 */
final class Cholesky {

	/** A pivot below this fraction of the largest diagonal entry counts as a collinear column. */
	private static final double COLLINEAR = 1e-10;

	private Cholesky() {
	}

	/** The lower triangular {@code L} with {@code L L' = matrix}, or {@code null} when (nearly) singular. */
	static double[][] factor(double[][] matrix) {
		int n = matrix.length;
		double largest = 0;
		for (int i = 0; i < n; i++) {
			largest = Math.max(largest, matrix[i][i]);
		}
		double[][] lower = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				double sum = matrix[i][j];
				for (int k = 0; k < j; k++) {
					sum -= lower[i][k] * lower[j][k];
				}
				if (i == j) {
					if (sum <= COLLINEAR * largest) {
						return null;
					}
					lower[i][i] = Math.sqrt(sum);
				}
				else {
					lower[i][j] = sum / lower[j][j];
				}
			}
		}
		return lower;
	}

	/** Solves {@code L L' x = right}. */
	static double[] solve(double[][] lower, double[] right) {
		int n = right.length;
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double sum = right[i];
			for (int k = 0; k < i; k++) {
				sum -= lower[i][k] * y[k];
			}
			y[i] = sum / lower[i][i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double sum = y[i];
			for (int k = i + 1; k < n; k++) {
				sum -= lower[k][i] * x[k];
			}
			x[i] = sum / lower[i][i];
		}
		return x;
	}

}
