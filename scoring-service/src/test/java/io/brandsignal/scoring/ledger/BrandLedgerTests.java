package io.brandsignal.scoring.ledger;

import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.DailyRollup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrandLedgerTests {

	private static final LocalDate D0 = LocalDate.of(2026, 3, 2);

	private static BrandLedger.Builder ledger() {
		return BrandLedger.builder("acme", MetricCatalog.defaults());
	}

	@Test
	void sumsLevelChannelsCarryingEachForwardOnItsOwn() {
		BrandLedger ledger = ledger().add("followers", "instagram", D0, 1000)
			.add("followers", "instagram", D0.plusDays(1), 1010)
			.add("followers", "tiktok", D0, 50_000)
			.add("followers", "tiktok", D0.plusDays(7), 50_700)
			.add("followers", "tiktok", D0.plusDays(14), 51_400)
			.build();
		MetricLedger followers = ledger.metric("followers").orElseThrow();

		// instagram carried from its last report, tiktok from its Monday report
		assertThat(followers.total(D0.plusDays(3))).isEqualTo(1010 + 50_000.0);
		assertThat(followers.total(D0.plusDays(8))).isEqualTo(1010 + 50_700.0);
		assertThat(followers.channels()).extracting(ChannelSeries::cadenceDays).containsExactly(1, 7);
	}

	@Test
	void stopsCarryingAChannelAfterAFewOfItsCadences() {
		// daily channel: stale after max(7, 3 * 1) = 7 days; weekly channel: after 3 * 7 = 21 days
		BrandLedger ledger = ledger().add("followers", "instagram", D0, 1000)
			.add("followers", "instagram", D0.plusDays(1), 1000)
			.add("fans", "survey", D0, 400)
			.add("fans", "survey", D0.plusDays(7), 410)
			.build();

		assertThat(ledger.metric("followers").orElseThrow().total(D0.plusDays(8))).isEqualTo(1000.0);
		assertThat(ledger.metric("followers").orElseThrow().total(D0.plusDays(9))).isNull();
		assertThat(ledger.metric("fans").orElseThrow().total(D0.plusDays(28))).isEqualTo(410.0);
		assertThat(ledger.metric("fans").orElseThrow().total(D0.plusDays(29))).isNull();
	}

	@Test
	void aFlowDayIsUnknownUntilEveryActiveDailyChannelReported() {
		BrandLedger.Builder builder = ledger();
		for (int day = 0; day < 10; day++) {
			builder.add("sales_revenue", "shop", D0.plusDays(day), 100);
			if (day != 4) {
				// the marketplace feed misses day 4 and has not sent day 9 yet
				if (day != 9) {
					builder.add("sales_revenue", "marketplace", D0.plusDays(day), 50);
				}
			}
		}
		MetricLedger sales = builder.build().metric("sales_revenue").orElseThrow();

		assertThat(sales.total(D0.plusDays(3))).isEqualTo(150.0);
		assertThat(sales.total(D0.plusDays(4))).isNull();
		// the marketplace's last report was yesterday: it is still connected, so today is incomplete
		assertThat(sales.total(D0.plusDays(9))).isNull();
	}

	@Test
	void aNewlyConnectedChannelIsALevelShiftNotAChangeInTheCompositionFreeSeries() {
		BrandLedger.Builder builder = ledger();
		for (int day = 0; day < 6; day++) {
			builder.add("followers", "instagram", D0.plusDays(day), 1000 + 10 * day);
		}
		builder.add("followers", "youtube", D0.plusDays(3), 40_000).add("followers", "youtube", D0.plusDays(4), 40_100);
		MetricLedger followers = builder.build().metric("followers").orElseThrow();

		double[] levels = followers.compositionFreeLevels(D0, D0.plusDays(5));

		// instagram's +10 a day; youtube adds +100 from day 3 to day 4 but nothing on connecting
		assertThat(levels).containsExactly(1000, 1010, 1020, 1030, 1140, 1150);
		assertThat(followers.total(D0.plusDays(3))).isEqualTo(41_030.0);
	}

	@Test
	void rollsUpKnownValuesPerMetricAndTier() {
		BrandLedger ledger = ledger().add("followers", "instagram", D0, 1000)
			.add("fans", "facebook", D0, 300)
			.add("sales_revenue", "shop", D0, 40)
			.add("sales_revenue", "shop", D0.plusDays(1), 60)
			.add("shoe_size", "all", D0, 42)
			.build();

		DailyRollup day0 = ledger.rollup(D0);
		DailyRollup day1 = ledger.rollup(D0.plusDays(1));

		assertThat(day0.metrics()).containsEntry("followers", 1000.0).containsEntry("sales_revenue", 40.0);
		assertThat(day0.tiers()).containsEntry(MetricTier.OUTPUT, 1300.0).containsEntry(MetricTier.IMPACT, 40.0);
		assertThat(day1.metrics()).containsEntry("followers", 1000.0).containsEntry("sales_revenue", 60.0);
		assertThat(ledger.metric("shoe_size")).isEmpty();
		assertThat(ledger.latestDate()).isEqualTo(D0.plusDays(1));
	}

}
