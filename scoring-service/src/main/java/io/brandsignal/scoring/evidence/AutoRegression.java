package io.brandsignal.scoring.evidence;

/**
 * An autoregression {@code z[t] = c + phi_1 z[t-1] + ... + phi_p z[t-p] + residual[t]} fitted by least
 * squares, its order chosen by Akaike's information criterion. The lead test uses its residuals as the
 * prewhitened series (the part of each day that the series' own past does not predict) and its order as
 * the outcome's own lags in the effect-size regression.
 *
 * @param order the chosen order {@code p}
 * @param coefficients {@code c, phi_1, ..., phi_p}
 * @param residuals one per day, {@link Double#NaN} where the day or one of its {@code p} predecessors is
 * unknown
 */
record AutoRegression(int order, double[] coefficients, double[] residuals) {

	/** Rows per coefficient an order needs before it is tried, so AIC compares fits that mean something. */
	private static final int ROWS_PER_COEFFICIENT = 5;

	/**
	 * Fits orders {@code 0..maxOrder} on the days where the largest order's regressors are all known (so
	 * their AIC values compare like with like), keeps the order with the lowest
	 * {@code AIC = rows * ln(RSS / rows) + 2 * (p + 1)}, and refits that order on every day where its own
	 * regressors are known, which wastes fewer days around gaps.
	 * @param z the series, {@link Double#NaN} where unknown
	 * @param maxOrder the largest order tried
	 * @return the fit; order 0 (the series less its mean) when there are too few rows for any lag
	 */
	static AutoRegression fit(double[] z, int maxOrder) {
		int largest = maxOrder;
		while (largest > 0 && rows(z, largest) < ROWS_PER_COEFFICIENT * (largest + 1)) {
			largest--;
		}
		double[][] gram = gram(z, largest);
		int rows = (int) Math.round(gram[0][0]);
		int order = 0;
		double bestCriterion = Double.POSITIVE_INFINITY;
		for (int p = 0; p <= largest && rows > 0; p++) {
			LeastSquares.Fit fit = LeastSquares.solve(gram, p + 1, largest + 1);
			if (fit == null) {
				break;
			}
			double criterion = rows * Math.log(Math.max(fit.residualSumOfSquares(), Double.MIN_NORMAL) / rows)
					+ 2.0 * (p + 1);
			if (criterion < bestCriterion) {
				bestCriterion = criterion;
				order = p;
			}
		}
		LeastSquares.Fit fit = LeastSquares.solve(gram(z, order), order + 1, order + 1);
		double[] coefficients = (fit != null) ? fit.coefficients() : new double[order + 1];
		return new AutoRegression(order, coefficients, residuals(z, coefficients));
	}

	/** Days {@code t >= order} on which {@code z[t-order..t]} are all known. */
	private static int rows(double[] z, int order) {
		int rows = 0;
		for (int t = order; t < z.length; t++) {
			if (known(z, t, order)) {
				rows++;
			}
		}
		return rows;
	}

	/** Gram matrix of rows {@code (1, z[t-1], ..., z[t-order], z[t])} over the days where all are known. */
	private static double[][] gram(double[] z, int order) {
		double[][] gram = new double[order + 2][order + 2];
		double[] row = new double[order + 2];
		row[0] = 1;
		for (int t = order; t < z.length; t++) {
			if (known(z, t, order)) {
				for (int lag = 1; lag <= order; lag++) {
					row[lag] = z[t - lag];
				}
				row[order + 1] = z[t];
				LeastSquares.accumulate(gram, row);
			}
		}
		return gram;
	}

	private static double[] residuals(double[] z, double[] coefficients) {
		int order = coefficients.length - 1;
		double[] residuals = new double[z.length];
		for (int t = 0; t < z.length; t++) {
			if (t < order || !known(z, t, order)) {
				residuals[t] = Double.NaN;
				continue;
			}
			double fitted = coefficients[0];
			for (int lag = 1; lag <= order; lag++) {
				fitted += coefficients[lag] * z[t - lag];
			}
			residuals[t] = z[t] - fitted;
		}
		return residuals;
	}

	private static boolean known(double[] z, int t, int order) {
		for (int lag = 0; lag <= order; lag++) {
			if (!Double.isFinite(z[t - lag])) {
				return false;
			}
		}
		return true;
	}

}
