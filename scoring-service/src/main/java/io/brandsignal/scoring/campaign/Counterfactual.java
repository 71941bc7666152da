package io.brandsignal.scoring.campaign;

import java.util.Arrays;

/**
 * What a daily series (a FLOW metric's amounts, a LEVEL metric's net adds) would have been without the
 * campaign: {@code z(t) = level(weekday of t) + slope × t + Σ_j beta_j × control_j(t)}, fitted on pre-period
 * days only as a Huber M-estimate by iteratively reweighted least squares (one odd day cannot bend it), with
 * the variance of a sum of its predictions: per-weekday noise widened for the residuals' lag-1
 * autocorrelation, plus the sandwich covariance of the coefficients (the trend's extrapolation error grows with
 * the horizon).
 */
final class Counterfactual {

	private static final double HUBER_K = 1.345;

	private static final double MAD_TO_SIGMA = 1.4826;

	/**
	 * Reweighting rounds: from the least-squares start, Huber's fit settles within a few (the weights of clear
	 * outliers are fixed in the first two); more rounds cost time on every placebo and move little.
	 */
	private static final int ITERATIONS = 6;

	private static final double MAX_AUTOCORRELATION = 0.8;

	/** Prior weight, in days, of the pooled noise variance in each weekday's variance. */
	private static final double WEEKDAY_SHRINKAGE = 7;

	private static final int WEEK = 7;

	private final int boundary;

	private final long firstEpochDay;

	private final double[][] controls;

	/** Design column of each weekday, -1 for a weekday without fitted days. */
	private final int[] weekdayColumn;

	private final int columns;

	private final double[] coefficients;

	private final double[] weekdayVariance;

	private final double autocorrelationFactor;

	/** Inverse of the bread of the sandwich, and its meat, for the coefficients' covariance. */
	private final double[][] breadFactor;

	private final double[][] meat;

	private final int rows;

	private final int degreesOfFreedom;

	private Counterfactual(int boundary, long firstEpochDay, double[][] controls, int[] weekdayColumn, int columns,
			double[] coefficients, double[] weekdayVariance, double autocorrelationFactor, double[][] breadFactor,
			double[][] meat, int rows, int degreesOfFreedom) {
		this.boundary = boundary;
		this.firstEpochDay = firstEpochDay;
		this.controls = controls;
		this.weekdayColumn = weekdayColumn;
		this.columns = columns;
		this.coefficients = coefficients;
		this.weekdayVariance = weekdayVariance;
		this.autocorrelationFactor = autocorrelationFactor;
		this.breadFactor = breadFactor;
		this.meat = meat;
		this.rows = rows;
		this.degreesOfFreedom = degreesOfFreedom;
	}

	/**
	 * Fits the counterfactual on the usable days of {@code [from, boundary)}.
	 * @param z the series, {@link Double#NaN} where unknown
	 * @param controls control series aligned with {@code z} (already transformed and scaled), possibly none
	 * @param excluded days that may not be fitted on (other campaigns)
	 * @param from first day of the fit window
	 * @param boundary the first day predicted (the campaign's, or a placebo's, start)
	 * @param firstEpochDay epoch day of index 0, for the weekday
	 * @param minRows fitted days needed
	 * @return the fit, or {@code null} with fewer usable days than {@code minRows} or collinear columns
	 */
	static Counterfactual fit(double[] z, double[][] controls, boolean[] excluded, int from, int boundary,
			long firstEpochDay, int minRows) {
		int[] rowDays = new int[boundary - Math.max(0, from)];
		int rows = 0;
		for (int t = Math.max(0, from); t < boundary; t++) {
			if (usable(z, controls, excluded, t)) {
				rowDays[rows++] = t;
			}
		}
		if (rows < minRows) {
			return null;
		}
		boolean[] fitted = new boolean[WEEK];
		for (int i = 0; i < rows; i++) {
			fitted[weekday(firstEpochDay, rowDays[i])] = true;
		}
		// a weekday without fitted days (a weekly export) gets no column: it cannot be predicted either
		int[] weekdayColumn = new int[WEEK];
		int columns = 0;
		for (int weekday = 0; weekday < WEEK; weekday++) {
			weekdayColumn[weekday] = fitted[weekday] ? columns++ : -1;
		}
		columns += 1 + controls.length;
		if (rows <= columns + 1) {
			return null;
		}
		double[][] design = new double[rows][];
		double[] response = new double[rows];
		for (int i = 0; i < rows; i++) {
			design[i] = row(rowDays[i], boundary, firstEpochDay, controls, weekdayColumn, columns);
			response[i] = z[rowDays[i]];
		}
		double[] weights = new double[rows];
		Arrays.fill(weights, 1);
		double[] residuals = new double[rows];
		double[] coefficients = null;
		double scale = 0;
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			double[][] normal = new double[columns][columns];
			double[] right = new double[columns];
			for (int i = 0; i < rows; i++) {
				accumulate(normal, design[i], weights[i]);
				for (int j = 0; j < columns; j++) {
					right[j] += weights[i] * design[i][j] * response[i];
				}
			}
			mirror(normal);
			double[][] factor = Cholesky.factor(normal);
			if (factor == null) {
				return null;
			}
			double[] next = Cholesky.solve(factor, right);
			double[] absolute = new double[rows];
			for (int i = 0; i < rows; i++) {
				residuals[i] = response[i] - dot(design[i], next);
				absolute[i] = Math.abs(residuals[i]);
			}
			scale = MAD_TO_SIGMA * median(absolute.clone());
			boolean converged = coefficients != null && close(coefficients, next);
			coefficients = next;
			if (scale == 0 || converged) {
				break;
			}
			for (int i = 0; i < rows; i++) {
				weights[i] = (absolute[i] <= HUBER_K * scale) ? 1 : HUBER_K * scale / absolute[i];
			}
		}
		return finish(boundary, firstEpochDay, controls, weekdayColumn, columns, coefficients, design, residuals,
				rowDays, rows, scale);
	}

	private static Counterfactual finish(int boundary, long firstEpochDay, double[][] controls, int[] weekdayColumn,
			int columns, double[] coefficients, double[][] design, double[] residuals, int[] rowDays, int rows,
			double scale) {
		double bound = HUBER_K * scale;
		double[][] bread = new double[columns][columns];
		double[][] meat = new double[columns][columns];
		double[] weekdaySquares = new double[WEEK];
		int[] weekdayRows = new int[WEEK];
		double squares = 0;
		for (int i = 0; i < rows; i++) {
			boolean inside = Math.abs(residuals[i]) <= bound;
			double psi = inside ? residuals[i] : Math.copySign(bound, residuals[i]);
			accumulate(meat, design[i], psi * psi);
			accumulate(bread, design[i], inside ? 1 : 0);
			int weekday = weekday(firstEpochDay, rowDays[i]);
			weekdaySquares[weekday] += psi * psi;
			weekdayRows[weekday]++;
			squares += psi * psi;
		}
		mirror(meat);
		mirror(bread);
		int degreesOfFreedom = rows - columns;
		double correction = rows / (double) degreesOfFreedom;
		double pooled = squares / degreesOfFreedom;
		double[] weekdayVariance = new double[WEEK];
		for (int weekday = 0; weekday < WEEK; weekday++) {
			weekdayVariance[weekday] = (weekdaySquares[weekday] * correction + WEEKDAY_SHRINKAGE * pooled)
					/ (weekdayRows[weekday] + WEEKDAY_SHRINKAGE);
		}
		for (double[] line : meat) {
			for (int j = 0; j < columns; j++) {
				line[j] *= correction;
			}
		}
		double[][] breadFactor = Cholesky.factor(bread);
		if (breadFactor == null) {
			// most days down-weighted: fall back to the plain normal equations as the bread
			double[][] plain = new double[columns][columns];
			for (int i = 0; i < rows; i++) {
				accumulate(plain, design[i], 1);
			}
			mirror(plain);
			breadFactor = Cholesky.factor(plain);
		}
		double rho = lagOneAutocorrelation(residuals, rowDays, rows);
		rho = Math.max(0, Math.min(MAX_AUTOCORRELATION, rho + (1 + 3 * rho) / rows));
		return new Counterfactual(boundary, firstEpochDay, controls, weekdayColumn, columns, coefficients,
				weekdayVariance, (1 + rho) / (1 - rho), breadFactor, meat, rows, degreesOfFreedom);
	}

	int rows() {
		return this.rows;
	}

	int degreesOfFreedom() {
		return this.degreesOfFreedom;
	}

	/** The design row of day {@code t}, or {@code null} when it cannot be predicted (an unfitted weekday, a control unknown). */
	double[] design(int t) {
		if (this.weekdayColumn[weekday(this.firstEpochDay, t)] < 0) {
			return null;
		}
		for (double[] control : this.controls) {
			if (t >= control.length || Double.isNaN(control[t])) {
				return null;
			}
		}
		return row(t, this.boundary, this.firstEpochDay, this.controls, this.weekdayColumn, this.columns);
	}

	double predict(double[] design) {
		return dot(design, this.coefficients);
	}

	/** The noise variance of one day (its weekday's), before the autocorrelation factor. */
	double noiseVariance(int t) {
		return this.weekdayVariance[weekday(this.firstEpochDay, t)];
	}

	/**
	 * The variance of {@code Σ (z(t) - prediction(t))} over days whose design rows sum to {@code summedDesign}
	 * and whose noise variances sum to {@code summedNoise}.
	 */
	double sumVariance(double[] summedDesign, double summedNoise) {
		double[] v = Cholesky.solve(this.breadFactor, summedDesign);
		double parameters = 0;
		for (int i = 0; i < this.columns; i++) {
			for (int j = 0; j < this.columns; j++) {
				parameters += v[i] * this.meat[i][j] * v[j];
			}
		}
		return this.autocorrelationFactor * summedNoise + Math.max(0, parameters);
	}

	int columns() {
		return this.columns;
	}

	static boolean usable(double[] z, double[][] controls, boolean[] excluded, int t) {
		if (Double.isNaN(z[t]) || excluded[t]) {
			return false;
		}
		for (double[] control : controls) {
			if (Double.isNaN(control[t])) {
				return false;
			}
		}
		return true;
	}

	/** Monday 0 .. Sunday 6 of index {@code t} (epoch day 0 was a Thursday). */
	static int weekday(long firstEpochDay, int t) {
		return (int) Math.floorMod(firstEpochDay + t + 3, WEEK);
	}

	private static double[] row(int t, int boundary, long firstEpochDay, double[][] controls, int[] weekdayColumn,
			int columns) {
		double[] row = new double[columns];
		row[weekdayColumn[weekday(firstEpochDay, t)]] = 1;
		int trend = columns - 1 - controls.length;
		// weeks from the boundary: keeps the normal equations well scaled
		row[trend] = (t - boundary) / 7.0;
		for (int j = 0; j < controls.length; j++) {
			row[trend + 1 + j] = controls[j][t];
		}
		return row;
	}

	/** Adds {@code weight × row row'} to the lower triangle; {@link #mirror} completes the matrix. */
	private static void accumulate(double[][] matrix, double[] row, double weight) {
		if (weight == 0) {
			return;
		}
		for (int i = 0; i < row.length; i++) {
			double value = weight * row[i];
			if (value == 0) {
				continue;
			}
			double[] line = matrix[i];
			for (int j = 0; j <= i; j++) {
				line[j] += value * row[j];
			}
		}
	}

	private static void mirror(double[][] matrix) {
		for (int i = 0; i < matrix.length; i++) {
			for (int j = 0; j < i; j++) {
				matrix[j][i] = matrix[i][j];
			}
		}
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static boolean close(double[] previous, double[] next) {
		for (int i = 0; i < next.length; i++) {
			if (Math.abs(next[i] - previous[i]) > 1e-7 * Math.max(1, Math.abs(next[i]))) {
				return false;
			}
		}
		return true;
	}

	private static double lagOneAutocorrelation(double[] residuals, int[] rowDays, int rows) {
		double products = 0;
		double squares = 0;
		for (int i = 0; i < rows; i++) {
			squares += residuals[i] * residuals[i];
			if (i > 0 && rowDays[i - 1] == rowDays[i] - 1) {
				products += residuals[i] * residuals[i - 1];
			}
		}
		return (squares > 0) ? products / squares : 0;
	}

	/** The median, by selection (the array is reordered): it runs on every reweighting round of every fit. */
	private static double median(double[] values) {
		int n = values.length;
		double upper = select(values, n / 2);
		if (n % 2 == 1) {
			return upper;
		}
		double lower = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n / 2; i++) {
			lower = Math.max(lower, values[i]);
		}
		return (lower + upper) / 2;
	}

	/** Hoare's selection: the k-th smallest, with every smaller value left before index k. */
	private static double select(double[] values, int k) {
		int left = 0;
		int right = values.length - 1;
		while (left < right) {
			double pivot = values[(left + right) >>> 1];
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double swap = values[i];
					values[i++] = values[j];
					values[j--] = swap;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				break;
			}
		}
		return values[k];
	}

}
