package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.scoring.ledger.MetricHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthCalculatorTests {

	private static final LocalDate START = LocalDate.parse("2026-05-01");

	private static final LocalDate END = START.plusDays(27);

	private final GrowthCalculator calculator = new GrowthCalculator(3);

	private static MetricDefinition metric(String name) {
		return MetricCatalog.defaults().find(name).orElseThrow();
	}

	@Test
	void growsLevelFromValueCarriedIntoTheWindowToTheLastValue() {
		MetricHistory followers = MetricHistory.of(metric("followers"),
				Map.of(START.minusDays(10), 800.0, START.plusDays(20), 1000.0));

		MetricGrowth growth = this.calculator.growth(followers, START, END);

		// 1000 / 800 - 1 = +25%, one reported day inside the window
		assertThat(growth.startValue()).isEqualTo(800.0);
		assertThat(growth.endValue()).isEqualTo(1000.0);
		assertThat(growth.growthPercent()).isEqualTo(25.0);
		assertThat(growth.daysObserved()).isEqualTo(1);
	}

	@Test
	void growsFlowFromMeanOfFirstHalfToMeanOfSecondHalfOverReportedDaysOnly() {
		Map<LocalDate, Double> sales = new HashMap<>();
		sales.put(START, 90.0);
		sales.put(START.plusDays(5), 100.0);
		sales.put(START.plusDays(13), 110.0);
		sales.put(START.plusDays(14), 100.0);
		sales.put(START.plusDays(20), 140.0);
		sales.put(START.plusDays(27), 120.0);

		MetricGrowth growth = this.calculator.growth(MetricHistory.of(metric("sales_revenue"), sales), START, END);

		// (90+100+110)/3 = 100 -> (100+140+120)/3 = 120: +20%; missing days are not zeros
		assertThat(growth.startValue()).isEqualTo(100.0);
		assertThat(growth.endValue()).isEqualTo(120.0);
		assertThat(growth.growthPercent()).isEqualTo(20.0);
		assertThat(growth.daysObserved()).isEqualTo(6);
	}

	@Test
	void leavesFlowGrowthUnknownWithTooFewReportedDaysInAHalf() {
		MetricHistory sales = MetricHistory.of(metric("sales_revenue"),
				Map.of(START, 90.0, START.plusDays(1), 90.0, START.plusDays(20), 100.0, START.plusDays(21), 100.0,
						START.plusDays(22), 100.0));

		assertThat(this.calculator.growth(sales, START, END).growthPercent()).isNull();
	}

	@Test
	void measuresSignedScalesInPercentOfTheirWidth() {
		MetricHistory nps = MetricHistory.of(metric("nps"), Map.of(START, -10.0, END, 10.0));

		// (10 - -10) / (100 - -100) = +10% of the scale
		assertThat(this.calculator.growth(nps, START, END).growthPercent()).isEqualTo(10.0);
	}

	@Test
	void leavesGrowthFromZeroUnknownUnlessStillZero() {
		assertThat(GrowthCalculator.growthPercent(metric("followers"), 0, 10)).isNull();
		assertThat(GrowthCalculator.growthPercent(metric("followers"), 0, 0)).isEqualTo(0.0);
	}

}
