package io.brandsignal.scoring.evidence;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;

/**
 * Ordinary least squares from a cross-product (Gram) matrix: the lead test fits several nested
 * autoregressions on the same rows, and one pass over the data then serves them all. Regressors here are
 * a handful of standardised daily signals, so the normal equations are well conditioned.
 */
final class LeastSquares {

	/** A pivot below this fraction of the largest diagonal entry counts as a collinear column. */
	private static final double COLLINEAR = 1e-10;

	private LeastSquares() {
	}

	/**
	 * Adds one row to a Gram matrix: {@code gram += v v'} (upper and lower triangle).
	 * @param gram the matrix to add to
	 * @param row the row's values, regressors first and the response last
	 */
	static void accumulate(double[][] gram, double[] row) {
		for (int i = 0; i < row.length; i++) {
			double value = row[i];
			double[] line = gram[i];
			for (int j = 0; j <= i; j++) {
				line[j] += value * row[j];
			}
		}
	}

	/**
	 * Regresses column {@code response} on columns {@code 0..size-1} of a Gram matrix accumulated with
	 * {@link #accumulate} (lower triangle filled).
	 * @param gram the Gram matrix over the rows of the fit
	 * @param size how many leading columns are regressors
	 * @param response the column of the response
	 * @return the fit, or {@code null} when the regressors are collinear
	 */
	static Fit solve(double[][] gram, int size, int response) {
		double[][] normal = new double[size][size];
		double[] right = new double[size];
		double largest = 0;
		for (int i = 0; i < size; i++) {
			for (int j = 0; j <= i; j++) {
				normal[i][j] = gram[i][j];
				normal[j][i] = gram[i][j];
			}
			right[i] = gram[response][i];
			largest = Math.max(largest, gram[i][i]);
		}
		DecompositionSolver solver;
		try {
			solver = new CholeskyDecomposition(new Array2DRowRealMatrix(normal, false), 1e-12, COLLINEAR * largest)
				.getSolver();
		}
		catch (MathIllegalArgumentException collinear) {
			return null;
		}
		double[] coefficients = solver.solve(new ArrayRealVector(right, false)).toArray();
		double explained = 0;
		for (int i = 0; i < size; i++) {
			explained += coefficients[i] * right[i];
		}
		double residual = Math.max(0, gram[response][response] - explained);
		return new Fit(coefficients, residual, solver);
	}

	/**
	 * A least-squares fit.
	 * @param coefficients one per regressor column
	 * @param residualSumOfSquares sum of squared residuals
	 * @param solver the factorised normal equations, for the inverse {@code (X'X)^-1}
	 */
	record Fit(double[] coefficients, double residualSumOfSquares, DecompositionSolver solver) {

		/** {@code (X'X)^-1}, which times the residual variance is the coefficients' covariance. */
		RealMatrix inverse() {
			return this.solver.getInverse();
		}

	}

}
