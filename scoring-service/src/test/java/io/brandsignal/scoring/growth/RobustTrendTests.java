package io.brandsignal.scoring.growth;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustTrendTests {

	private final RobustTrend trend = new RobustTrend(0.8);

	@Test
	void findsTheSlopeOfALineThroughAWeeklyCycle() {
		// 100 + 2t, plus 50 on the two days of each week that are weekend days
		double[] values = new double[28];
		for (int t = 0; t < 28; t++) {
			values[t] = 100 + 2 * t + ((t % 7 >= 5) ? 50 : 0);
		}

		RobustTrend.Fit fit = this.trend.fit(values);

		assertThat(fit.slope()).isCloseTo(2.0, within(1e-12));
		// weekday levels 100 (five days) and 150 (two days): the typical day (5 * 100 + 2 * 150) / 7
		assertThat(fit.level()).isCloseTo(800.0 / 7, within(1e-9));
		assertThat(fit.standardError()).isCloseTo(0.0, within(1e-12));
	}

	@Test
	void oneOddDayDoesNotBendTheSlope() {
		double[] values = new double[28];
		for (int t = 0; t < 28; t++) {
			values[t] = 100 + t;
		}
		values[20] = 10_000;

		assertThat(this.trend.fit(values).slope()).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void skipsUnknownDaysAndNeedsThreeSameWeekdayPairs() {
		double[] values = new double[28];
		java.util.Arrays.fill(values, Double.NaN);
		values[0] = 1;
		values[7] = 2;
		values[14] = 3;
		// pairs (0,7), (0,14), (7,14): slopes 1/7, 2/14, 1/7
		assertThat(this.trend.fit(values).slope()).isCloseTo(1.0 / 7, within(1e-12));
		values[14] = Double.NaN;
		assertThat(this.trend.fit(values)).isNull();
	}

	@Test
	void intervalCoversTheTrueSlopeAtItsConfidenceUnderNoiseAndWeeklyCycles() {
		// 2,000 flat series each: independent noise (CV 0.3), the same with a weekend peak, small counts
		System.out.println("COVERAGE " + coverage(0, 0.3, 0.0) + " " + coverage(0.5, 0.3, 0.0) + " " + coverage(0, 0.3, 0.5));
		assertThat(coverage(0, 0.3, 0.0)).isBetween(0.93, 0.98);
		assertThat(coverage(0.5, 0.3, 0.0)).isBetween(0.93, 0.98);
		assertThat(coverage(0, 0.3, 0.5)).isBetween(0.89, 0.98);
	}

	/** Share of 2,000 series whose 95% interval holds the true slope 0. */
	private double coverage(double weekendPeak, double noise, double autocorrelation) {
		SplittableRandom random = new SplittableRandom(7);
		int covered = 0;
		for (int run = 0; run < 2000; run++) {
			double[] values = new double[28];
			double ar = 0;
			for (int t = 0; t < 28; t++) {
				ar = autocorrelation * ar + Math.sqrt(1 - autocorrelation * autocorrelation) * random.nextGaussian();
				values[t] = 100 * (1 + ((t % 7 >= 5) ? weekendPeak : 0)) * (1 + noise * ar);
			}
			RobustTrend.Fit fit = this.trend.fit(values);
			if (Math.abs(fit.slope()) <= RobustTrend.quantile(0.95, fit.degreesOfFreedom()) * fit.standardError()) {
				covered++;
			}
		}
		return covered / 2000.0;
	}

}
