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

	/** 100 a day, 50 more on Saturdays, rising 0.5 a day: a weekly cycle and a trend without noise. */
	private static double[] cycleAndTrend() {
		double[] sales = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			sales[t] = 100 + ((t % 7 == 5) ? 50 : 0) + 0.5 * t;
		}
		return sales;
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
			sales[t] += 20;
		}
		for (int t = 160; t <= 166; t++) {
			sales[t] += 10;
		}
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		// 10 days x 20 during, 7 days x 10 after
		assertThat(lift.campaign().effect()).isCloseTo(200, within(1e-6));
		assertThat(lift.carryOver().effect()).isCloseTo(70, within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(270, within(1e-6));
		assertThat(lift.total().low()).isCloseTo(270, within(1e-3));
		assertThat(lift.total().high()).isCloseTo(270, within(1e-3));
		assertThat(lift.total().pValue()).isEqualTo(1.0 / (1 + lift.placebos()));
		assertThat(lift.total().positive()).isTrue();
		// counterfactual over days 150..173: 24 x 100 + 0.5 x (150 + ... + 173) + 50 on the 4 Saturdays (152, 159, 166, 173)
		double counterfactual = 2400 + 0.5 * (150 + 173) * 24 / 2 + 200;
		assertThat(lift.total().counterfactual()).isCloseTo(counterfactual, within(1e-6));
		assertThat(lift.total().relativePercent()).isCloseTo(100 * 270 / counterfactual, within(1e-6));
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
		// 10,000 followers growing 100 a day (150 on Mondays, 90 otherwise would be a cycle; keep it plain)
		double[] followers = new double[DAYS];
		double level = 10_000;
		for (int t = 0; t < DAYS; t++) {
			level += (t == 0) ? 0 : 100 + ((t % 7 == 0) ? 70 : 0);
			// the campaign buys 50 followers a day for its 10 days; 20 of those 500 leave again on day 165
			level += (t >= 150 && t <= 159) ? 50 : 0;
			level -= (t == 165) ? 20 : 0;
			followers[t] = level;
		}
		MetricLift lift = estimate(FOLLOWERS, followers, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().effect()).isCloseTo(500, within(1e-6));
		assertThat(lift.carryOver().effect()).isCloseTo(-20, within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(480, within(1e-6));
		// the level the brand would have had on day 173 without the campaign: followers[173] - 480
		assertThat(lift.total().counterfactual()).isCloseTo(followers[173] - 480, within(1e-6));
	}

	@Test
	void runningCampaignGetsItsLiftSoFar() {
		double[] sales = cycleAndTrend();
		for (int t = 150; t <= 159; t++) {
			sales[t] += 20;
		}
		double[] soFar = java.util.Arrays.copyOf(sales, 155);
		MetricLift lift = estimate(SALES, soFar, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().days()).isEqualTo(5);
		assertThat(lift.campaign().to()).isEqualTo(FIRST.plusDays(154));
		assertThat(lift.campaign().effect()).isCloseTo(100, within(1e-6));
		assertThat(lift.carryOver()).isNull();
		assertThat(lift.total().effect()).isCloseTo(100, within(1e-6));
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
	void tooFewPlaceboWindowsForAPValueOfFivePercentIsNotEnoughPrePeriod() {
		// 80 known days before the campaign: 28 to fit on leaves 52 - 24 + 1 = 29 windows of 24 days ... minus
		// the first 28 days: boundaries 28..126 would need data from day 0; with data from day 70 only
		// boundaries 98..126 qualify: 29 windows. With data from day 90: boundaries 118..126, 9 windows.
		double[] sales = cycleAndTrend();
		java.util.Arrays.fill(sales, 0, 90, Double.NaN);
		MetricLift lift = estimate(SALES, sales, List.of(), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.NOT_ENOUGH_PRE_PERIOD);
		assertThat(lift.reason())
			.isEqualTo("9 placebo windows of 24 days fit before the campaign outside other campaigns, 19 needed for a "
					+ "p-value that can reach 0.05");
	}

	@Test
	void otherCampaignsAreLeftOutOfTheFitAndReportedWhenTheyOverlap() {
		double[] sales = cycleAndTrend();
		// an earlier campaign, days 120..129 (+14 carry-over), lifted sales by 500 a day
		for (int t = 120; t <= 129; t++) {
			sales[t] += 500;
		}
		for (int t = 150; t <= 159; t++) {
			sales[t] += 20;
		}
		CampaignWindow earlier = new CampaignWindow("winter", FIRST.plusDays(120), FIRST.plusDays(129), 14);
		CampaignWindow later = new CampaignWindow("summer", FIRST.plusDays(170), FIRST.plusDays(180), 14);
		MetricLift lift = estimate(SALES, sales, List.of(earlier, CAMPAIGN, later), List.of());

		assertThat(lift.state()).isEqualTo(LiftState.ESTIMATED);
		assertThat(lift.campaign().effect()).isCloseTo(200, within(1e-6));
		// "summer" starts in the carry-over (160..173); "winter" ended its carry-over on day 143
		assertThat(lift.overlaps()).containsExactly("summer");
	}

	@Test
	void controlSeriesExplainsAShockTheCampaignDidNotCause() {
		// a market-wide wave the weekday model cannot know; the brand sells twice the control plus 30
		double[] control = new double[DAYS];
		double[] sales = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			control[t] = 100 + 40 * Math.sin(t / 9.0) + 0.2 * t;
			sales[t] = 30 + 2 * control[t] + ((t >= 150 && t <= 159) ? 20 : 0);
		}
		MetricLift lift = estimate(SALES, sales, List.of(), List.of(new DailySeries(FIRST, control)));

		assertThat(lift.controls()).isEqualTo(1);
		assertThat(lift.campaign().effect()).isCloseTo(200, within(1e-6));
		assertThat(lift.total().effect()).isCloseTo(200, within(1e-6));
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
