package io.brandsignal.scoring.ledger;

import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.DailyRollup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrandLedgerTests {

	private static final LocalDate D0 = LocalDate.parse("2026-05-01");

	private final BrandLedger ledger = BrandLedger.builder("acme", MetricCatalog.defaults())
		.add("followers", "all", D0, 1000)
		.add("followers", "all", D0.plusDays(3), 1300)
		.add("sales_revenue", "all", D0, 40)
		.add("sales_revenue", "all", D0, 60)
		.add("sales_revenue", "all", D0.plusDays(2), 80)
		.add("shoe_size", "all", D0.plusDays(9), 42)
		.build();

	@Test
	void carriesLevelMetricsForwardOverMissingDays() {
		MetricHistory followers = this.ledger.metric("followers").orElseThrow();

		assertThat(followers.valueOn(D0.minusDays(1))).isNull();
		assertThat(followers.valueOn(D0.plusDays(2))).isEqualTo(1000.0);
		assertThat(followers.valueOn(D0.plusDays(10))).isEqualTo(1300.0);
		assertThat(followers.series(D0, D0.plusDays(4))).containsExactly(1000, 1000, 1000, 1300, 1300);
	}

	@Test
	void treatsMissingFlowDaysAsUnknownNotZero() {
		MetricHistory sales = this.ledger.metric("sales_revenue").orElseThrow();

		assertThat(sales.valueOn(D0.plusDays(1))).isNull();
		assertThat(sales.series(D0, D0.plusDays(2))).containsExactly(100, Double.NaN, 80);
		assertThat(sales.observedDays(D0, D0.plusDays(30))).isEqualTo(2);
	}

	@Test
	void sumsChannelsAndIgnoresMetricsOutsideTheCatalog() {
		assertThat(this.ledger.metric("sales_revenue").orElseThrow().valueOn(D0)).isEqualTo(100.0);
		assertThat(this.ledger.metric("shoe_size")).isEmpty();
		assertThat(this.ledger.latestDate()).isEqualTo(D0.plusDays(3));
		assertThat(this.ledger.firstDate()).isEqualTo(D0);
	}

	@Test
	void rollsUpADayWithCarriedLevelsAndTierSums() {
		DailyRollup day1 = this.ledger.rollup(D0.plusDays(1));
		DailyRollup day2 = this.ledger.rollup(D0.plusDays(2));

		assertThat(day1.metrics()).containsOnlyKeys("followers").containsEntry("followers", 1000.0);
		assertThat(day2.metrics()).containsEntry("followers", 1000.0).containsEntry("sales_revenue", 80.0);
		assertThat(day2.tiers()).containsEntry(MetricTier.OUTPUT, 1000.0).containsEntry(MetricTier.IMPACT, 80.0);
	}

}
