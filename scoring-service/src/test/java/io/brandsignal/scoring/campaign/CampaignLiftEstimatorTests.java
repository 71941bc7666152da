package io.brandsignal.scoring.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lift estimate on series whose true effect is known by construction: noiseless series give exactly the
 * injected effect, a weekly cycle alone gives none, and too little data gives the state that says so.
 */
class CampaignLiftEstimatorTests {

	private static final MetricCatalog CATALOG = MetricCatalog.defaults();

	private static final MetricDefinition SALES = CATALOG.find("sales_revenue").orElseThrow();

	private static final MetricDefinition FOLLOWERS = CATALOG.find("followers").orElseThrow();

	/** A Monday: day 0 of every series here. */
	private static final LocalDate FIRST = LocalDate.of(2026, 1, 5);

	private static final int DAYS = 200;

	/** Campaign days 150..159 (10 days), carry-over 14 days: 160..173. */
	private static final CampaignWindow CAMPAIGN = new CampaignWindow("spring", FIRST.plusDays(150), FIRST.plusDays(159), 14);

	private final CampaignLiftEstimator estimator = new CampaignLiftEstimator(LiftRules.defaults());

	/**
	 * 100 a day, half as much again on Saturdays, growing 0.1 % a day: a weekly cycle and a trend without noise,
	 * both multiplicative as sales are (the model fits them in logs, so exactly).
	 */
	private static double[] cycleAndTrend() {
		double[] sales = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			sales[t] = baseline(t);
		}
		return sales;
	}

	private static double baseline(int t) {
		return 100 * ((t % 7 == 5) ? 1.5 : 1) * Math.pow(1.001, t);
	}

	/** The sum of the baseline over days {@code from..to}, times {@code factor}. */
	private static double baselineSum(int from, int to, double factor) {
		double sum = 0;
		for (int t = from; t <= to; t++) {
			sum += factor * baseline(t);
		}
		return sum;
	}

	private MetricLift estimate(MetricDefinition metric, double[] values, List<CampaignWindow> others,
			List<DailySeries> controls) {
		return this.estimator.estimate(metric, CAMPAIGN, others, new DailySeries(FIRST, values), controls,
				FIRST.plusDays(values.length - 1));
	}

	@Test
	void noiselessFlowWithAStepGivesExactlyTheStepsSum() {
		double[] sales = cycleAndTrend();
		for (int t = 150; t <= 159; t++) {
			sales[t] *= 1.2;
		}
		for (int t = 160; t <= 166; t++) {
			sales[t] *= 1.1;
		}
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		double during = baselineSum(150, 159, 0.2);
		double after = baselineSum(160, 166, 0.1);
		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().effect()).isCloseTo(during, within(1e-6));
		assertThat(lift.carryOver().effect()).isCloseTo(after, within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(during + after, within(1e-6));
		assertThat(lift.total().low()).isCloseTo(during + after, within(1e-3));
		assertThat(lift.total().high()).isCloseTo(during + after, within(1e-3));
		assertThat(lift.total().positive()).isTrue();
		assertThat(lift.total().counterfactual()).isCloseTo(baselineSum(150, 173, 1), within(1e-6));
		assertThat(lift.total().relativePercent())
			.isCloseTo(100 * (during + after) / baselineSum(150, 173, 1), within(1e-6));
	}

	@Test
	void noiselessAdditiveStepOnASignedScaleGivesExactlyTheStepsSum() {
		// NPS crosses 0, so it is modelled as it is (no logs): -10 + 0.1 t, 3 more on Saturdays
		double[] nps = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			nps[t] = -10 + 0.1 * t + ((t % 7 == 5) ? 3 : 0) + ((t >= 150 && t <= 159) ? 2 : 0);
		}
		MetricLift lift = estimate(CATALOG.find("nps").orElseThrow(), nps, List.of(), List.of());

		// a LEVEL: the gap in the level on the last day, +2 while the campaign ran, gone after it
		assertThat(lift.campaign().effect()).isCloseTo(2, within(1e-6));
		assertThat(lift.carryOver().effect()).isCloseTo(-2, within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(0, within(1e-6));
		assertThat(lift.total().relativePercent()).isNaN();
	}

	@Test
	void weeklyCycleAndTrendAloneGiveNoEffect() {
		MetricLift lift = estimate(SALES, cycleAndTrend(), List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.total().effect()).isCloseTo(0, within(1e-6));
		assertThat(lift.total().significant()).isFalse();
		assertThat(lift.placebos()).isEqualTo(LiftRules.defaults().maxPlacebos());
	}

	@Test
	void levelMetricLiftIsTheGapInTheLevelNotASumOfLevels() {
		// 10,000 followers growing 0.2 % a day, 0.5 % on Mondays; the campaign buys 50 a day for its 10 days, who
		// then grow with the rest, and 20 leave again on day 165
		double[] followers = new double[DAYS];
		double[] without = new double[DAYS];
		followers[0] = 10_000;
		without[0] = 10_000;
		for (int t = 1; t < DAYS; t++) {
			double rate = (t % 7 == 0) ? 0.005 : 0.002;
			without[t] = without[t - 1] * (1 + rate);
			followers[t] = followers[t - 1] * (1 + rate) + ((t >= 150 && t <= 159) ? 50 : 0) - ((t == 165) ? 20 : 0);
		}
		MetricLift lift = estimate(FOLLOWERS, followers, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().effect()).isCloseTo(followers[159] - without[159], within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(followers[173] - without[173], within(1e-6));
		assertThat(lift.carryOver().effect())
			.isCloseTo((followers[173] - without[173]) - (followers[159] - without[159]), within(1e-6));
		assertThat(lift.total().counterfactual()).isCloseTo(without[173], within(1e-6));
		// by hand: 500 bought, grown by about 2.6 % in the days after, less the 20 who left
		assertThat(lift.total().effect()).isBetween(480.0, 520.0);
	}

	@Test
	void runningCampaignGetsItsLiftSoFar() {
		double[] sales = cycleAndTrend();
		for (int t = 150; t <= 159; t++) {
			sales[t] *= 1.2;
		}
		double[] soFar = java.util.Arrays.copyOf(sales, 155);
		MetricLift lift = estimate(SALES, soFar, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().days()).isEqualTo(5);
		assertThat(lift.campaign().to()).isEqualTo(FIRST.plusDays(154));
		assertThat(lift.campaign().effect()).isCloseTo(baselineSum(150, 154, 0.2), within(1e-6));
		assertThat(lift.carryOver()).isNull();
		assertThat(lift.total().effect()).isCloseTo(baselineSum(150, 154, 0.2), within(1e-6));
	}

	@Test
	void campaignWithoutItsOwnCarryOverGetsTheDefaultFourteenDays() {
		CampaignWindow window = LiftRules.defaults().window("spring", FIRST.plusDays(150), FIRST.plusDays(159));

		assertThat(window.effectEnd()).isEqualTo(FIRST.plusDays(173));
	}

	@Test
	void fewerThanThreeCampaignDaysIsTooEarly() {
		MetricLift lift = estimate(SALES, java.util.Arrays.copyOf(cycleAndTrend(), 152), List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.TOO_EARLY);
		assertThat(lift.reason()).isEqualTo("2 campaign days known, 3 needed");
		assertThat(lift.total()).isNull();
	}

	@Test
	void fewerThan28PreDaysIsNotEnoughPrePeriod() {
		double[] sales = cycleAndTrend();
		java.util.Arrays.fill(sales, 0, 130, Double.NaN);
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.NOT_ENOUGH_PRE_PERIOD);
		assertThat(lift.reason()).isEqualTo("20 known days in the 182 before the campaign outside other campaigns, 28 needed");
	}

	@Test
	void tooFewPlaceboWindowsToCalibrateIsNotEnoughPrePeriod() {
		// windows of 24 days (10 campaign + 14 carry-over) must end before day 150: start on day 126 at the
		// latest; with data from day 90 and 28 days to fit on, they start on days 118..126: 9 windows, 10 needed
		double[] sales = cycleAndTrend();
		java.util.Arrays.fill(sales, 0, 90, Double.NaN);
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.NOT_ENOUGH_PRE_PERIOD);
		assertThat(lift.reason())
			.isEqualTo("9 placebo windows of 24 days fit before the campaign outside other campaigns, 10 needed to "
					+ "calibrate the interval");
	}

	@Test
	void otherCampaignsAreLeftOutOfTheFitAndReportedWhenTheyOverlap() {
		double[] sales = cycleAndTrend();
		// an earlier campaign, days 120..129 (+14 carry-over), tripled sales
		for (int t = 120; t <= 129; t++) {
			sales[t] *= 3;
		}
		for (int t = 150; t <= 159; t++) {
			sales[t] *= 1.2;
		}
		CampaignWindow earlier = new CampaignWindow("winter", FIRST.plusDays(120), FIRST.plusDays(129), 14);
		CampaignWindow later = new CampaignWindow("summer", FIRST.plusDays(170), FIRST.plusDays(180), 14);
		MetricLift lift = estimate(SALES, sales, List.of(earlier, CAMPAIGN, later), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().effect()).isCloseTo(baselineSum(150, 159, 0.2), within(1e-6));
		// "summer" starts in the carry-over (160..173); "winter" ended its carry-over on day 143
		assertThat(lift.overlaps()).containsExactly("summer");
	}

	@Test
	void controlSeriesExplainsAShockTheCampaignDidNotCause() {
		// a market-wide wave the weekday model cannot know; the brand sells 3 c² of the control's c
		double[] control = new double[DAYS];
		double[] sales = new double[DAYS];
		double during = 0;
		for (int t = 0; t < DAYS; t++) {
			control[t] = 100 + 40 * Math.sin(t / 9.0) + 0.2 * t;
			sales[t] = 3 * control[t] * control[t];
			if (t >= 150 && t <= 159) {
				during += 0.2 * sales[t];
				sales[t] *= 1.2;
			}
		}
		MetricLift lift = estimate(SALES, sales, List.of(), List.of(new DailySeries(FIRST, control)));

		assertThat(lift.controls()).isEqualTo(1);
		assertThat(lift.campaign().effect()).isCloseTo(during, within(1e-4));
		assertThat(lift.total().effect()).isCloseTo(during, within(1e-4));
	}

	@Test
	void oneOddDayBeforeTheCampaignDoesNotBendTheCounterfactual() {
		// flat 100 with small noise; a one-day spike of +5,000 on day 140 is down-weighted, not fitted
		SplittableRandom random = new SplittableRandom(7);
		double[] sales = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			sales[t] = 100 + random.nextGaussian() + ((t == 140) ? 5000 : 0) + ((t >= 150 && t <= 159) ? 20 : 0);
		}
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		assertThat(lift.campaign().effect()).isCloseTo(200, within(15.0));
		assertThat(lift.campaign().low()).isGreaterThan(0);
	}

}
