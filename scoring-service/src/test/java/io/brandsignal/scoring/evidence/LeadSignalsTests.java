package io.brandsignal.scoring.evidence;

import io.brandsignal.contract.catalog.MetricKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LeadSignalsTests {

	private static final double NAN = Double.NaN;

	@Test
	void readsAStockAsItsDailyRelativeChangeAndLeavesDaysNextToUnknownOrZeroUnknown() {
		LeadSeries followers = new LeadSeries("followers", MetricKind.LEVEL, 0, Double.POSITIVE_INFINITY,
				new double[] { 100, 110, NAN, 50, 0, 10 });

		double[] signal = LeadSignals.signal(followers);

		// (110 - 100) / 100 = 0.1; (0 - 50) / 50 = -1; after a zero the relative change is undefined
		assertThat(signal[0]).isNaN();
		assertThat(signal[1]).isCloseTo(0.1, within(1e-12));
		assertThat(signal[2]).isNaN();
		assertThat(signal[3]).isNaN();
		assertThat(signal[4]).isCloseTo(-1.0, within(1e-12));
		assertThat(signal[5]).isNaN();
	}

	@Test
	void readsASignedScaleAsItsChangeAsAShareOfTheRange() {
		LeadSeries nps = new LeadSeries("nps", MetricKind.LEVEL, -100, 100, new double[] { -10, 10, 10 });

		double[] signal = LeadSignals.signal(nps);

		// (10 - (-10)) / (100 - (-100)) = 0.1: a relative change around zero would mean nothing
		assertThat(signal[1]).isCloseTo(0.1, within(1e-12));
		assertThat(signal[2]).isEqualTo(0.0);
	}

	@Test
	void readsSmallCountsAsTheirRelativeDeviationFromTheMeanSoZeroDaysStayFinite() {
		LeadSeries leads = new LeadSeries("leads", MetricKind.FLOW, 0, Double.POSITIVE_INFINITY,
				new double[] { 0, 1, 0, 2, NAN, 1 });

		double[] signal = LeadSignals.signal(leads);

		// mean of the known days = 4 / 5 = 0.8: 0 -> -1, 1 -> 0.25, 2 -> 1.5
		assertThat(signal).containsExactly(new double[] { -1, 0.25, -1, 1.5, NAN, 0.25 }, within(1e-12));
	}

	@Test
	void leavesAFlowThatNeverHappenedUnknown() {
		LeadSeries leads = new LeadSeries("leads", MetricKind.FLOW, 0, Double.POSITIVE_INFINITY,
				new double[] { 0, 0, NAN, 0 });

		assertThat(java.util.Arrays.stream(LeadSignals.signal(leads)).allMatch(Double::isNaN)).isTrue();
	}

	@Test
	void removesEachWeekdaysMean() {
		// two weeks: weekday 0 has 3 and 5 (mean 4), weekday 1 has 10 and unknown, the rest are 7 and 9
		double[] signal = { 3, 10, 7, 7, 7, 7, 7, 5, NAN, 9, 9, 9, 9, 9 };

		double[] centred = LeadSignals.withoutWeekdayMeans(signal);

		assertThat(centred).containsExactly(new double[] { -1, 0, -1, -1, -1, -1, -1, 1, NAN, 1, 1, 1, 1, 1 },
				within(1e-12));
	}

	@Test
	void dividesEachWeekdayByItsRobustSpread() {
		// five weeks; weekday d holds (d + 1) * v with v = -2, -1, 0, 1, 2 over the weeks: median 0,
		// absolute deviations (d + 1) * {2, 1, 0, 1, 2}, MAD = d + 1, spread 1.4826 * (d + 1)
		double[] v = { -2, -1, 0, 1, 2 };
		double[] centred = new double[35];
		for (int t = 0; t < centred.length; t++) {
			centred[t] = (t % 7 + 1) * v[t / 7];
		}

		double[] standardised = LeadSignals.standardisedByWeekday(centred);

		for (int t = 0; t < standardised.length; t++) {
			assertThat(standardised[t]).isCloseTo(v[t / 7] / 1.4826, within(1e-12));
		}
	}

	@Test
	void keepsAWeekdayThatNeverChangesAtZero() {
		// a stock reported on weekday 0 only: carried forward, it changes on that weekday alone
		double[] centred = new double[35];
		double[] changes = { 3, -1, 4, -1, 5 };
		for (int week = 0; week < 5; week++) {
			centred[7 * week] = changes[week];
		}

		double[] standardised = LeadSignals.standardisedByWeekday(centred);

		for (int t = 0; t < standardised.length; t++) {
			if (t % 7 != 0) {
				assertThat(standardised[t]).isEqualTo(0.0);
			}
		}
		// weekday 0: median 3, absolute deviations 0, 4, 1, 4, 2: MAD 2, spread 2.9652
		assertThat(standardised[0]).isCloseTo(3 / 2.9652, within(1e-12));
	}

	@Test
	void fallsBackToTheMeanAbsoluteDeviationWhenMostValuesAreEqual() {
		// median 0 and MAD 0; mean absolute deviation 2 / 5 = 0.4, times sqrt(pi / 2)
		double spread = LeadSignals.robustSpread(new double[] { 0, 0, 0, 2, 0 }, -1);

		assertThat(spread).isCloseTo(0.4 * Math.sqrt(Math.PI / 2), within(1e-12));
	}

}
