package io.brandsignal.scoring.evidence;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AutoRegressionTests {

	@Test
	void fitsAnExactFirstOrderRecursionWithoutResidual() {
		// z[t] = 1 - 0.9 z[t-1] from 100: oscillates towards 1 / 1.9 slowly enough to vary over 60 days;
		// every higher order is collinear with it
		double[] z = new double[60];
		z[0] = 100;
		for (int t = 1; t < z.length; t++) {
			z[t] = 1 - 0.9 * z[t - 1];
		}

		AutoRegression fit = AutoRegression.fit(z, 7);

		assertThat(fit.order()).isEqualTo(1);
		assertThat(fit.coefficients()).containsExactly(new double[] { 1, -0.9 }, within(1e-9));
		assertThat(fit.residuals()[0]).isNaN();
		for (int t = 1; t < z.length; t++) {
			assertThat(fit.residuals()[t]).isCloseTo(0, within(1e-9));
		}
	}

	@Test
	void recoversTheCoefficientOfANoisyFirstOrderProcess() {
		// z[t] = 0.6 z[t-1] + N(0, 1): the estimate's standard error is sqrt((1 - 0.36) / 2000) = 0.018
		Random random = new Random(11);
		double[] z = new double[2000];
		for (int t = 1; t < z.length; t++) {
			z[t] = 0.6 * z[t - 1] + random.nextGaussian();
		}

		AutoRegression fit = AutoRegression.fit(z, 7);

		assertThat(fit.order()).isGreaterThanOrEqualTo(1);
		assertThat(fit.coefficients()[1]).isCloseTo(0.6, within(0.06));
		double sumOfSquares = 0;
		int known = 0;
		for (double residual : fit.residuals()) {
			if (!Double.isNaN(residual)) {
				sumOfSquares += residual * residual;
				known++;
			}
		}
		assertThat(sumOfSquares / known).isCloseTo(1.0, within(0.1));
	}

	@Test
	void leavesResidualsUnknownWhereTheDayOrItsLagsAreUnknown() {
		Random random = new Random(5);
		double[] z = new double[200];
		for (int t = 1; t < z.length; t++) {
			z[t] = 0.8 * z[t - 1] + random.nextGaussian();
		}
		z[100] = Double.NaN;

		AutoRegression fit = AutoRegression.fit(z, 7);

		int order = fit.order();
		assertThat(order).isGreaterThanOrEqualTo(1);
		for (int t = 100; t <= 100 + order; t++) {
			assertThat(fit.residuals()[t]).isNaN();
		}
		assertThat(fit.residuals()[101 + order]).isFinite();
	}

	@Test
	void fitsTheMeanAtOrderZero() {
		double[] z = { 1, -1, 2, -2, 1, -1, 2, -2, 1, -1, 2, -2, 1, -1, 2, -2, 3, -3, 3, -3, 3 };

		AutoRegression fit = AutoRegression.fit(z, 0);

		assertThat(fit.order()).isZero();
		// sum = 3, 21 days
		assertThat(fit.coefficients()[0]).isCloseTo(3.0 / 21, within(1e-12));
		assertThat(fit.residuals()[0]).isCloseTo(1 - 3.0 / 21, within(1e-12));
	}

}
