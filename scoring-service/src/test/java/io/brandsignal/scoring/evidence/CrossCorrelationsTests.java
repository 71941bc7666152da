package io.brandsignal.scoring.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrossCorrelationsTests {

	@Test
	void correlatesALaggedSeriesOverTheDaysBothAreKnown() {
		double[] a = { 1, 2, 3, 4, 5 };
		double[] b = { Double.NaN, 1, 2, 3, 5 };

		CrossCorrelations.Correlation correlation = CrossCorrelations.correlation(a, b, 1, 1);

		// pairs (1,1) (2,2) (3,3) (4,5): Sxy = 6.5, Sxx = 5, Syy = 8.75, r = 6.5 / sqrt(43.75)
		assertThat(correlation.pairs()).isEqualTo(4);
		assertThat(correlation.r()).isCloseTo(0.982708, within(1e-6));
		assertThat(correlation.z()).isCloseTo(0.982708 * 2, within(1e-5));
	}

	@Test
	void wrapsAroundWhenTheShiftIsCircular() {
		double[] a = { 1, 2, 3, 4 };
		double[] b = { 4, 1, 2, 3 };

		// b[t] = a[(t - 1) mod 4]: a perfect circular match, one pair of which wraps around
		assertThat(CrossCorrelations.correlation(a, b, 1, 0).r()).isCloseTo(1.0, within(1e-12));
		assertThat(CrossCorrelations.correlation(a, b, 1, 0).pairs()).isEqualTo(4);
	}

	@Test
	void isUndefinedWithoutVariation() {
		double[] a = { 1, 1, 1, 1 };
		double[] b = { 1, 2, 3, 4 };

		assertThat(CrossCorrelations.correlation(a, b, 0, 0).r()).isNaN();
	}

}
