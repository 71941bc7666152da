package io.brandsignal.scoring.campaign;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.MetricLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which channels serve a campaign's lift as controls: the metric's channels the campaign did not run on, when
 * it ran on some of that metric's channels at all.
 */
class CampaignScorerTests {

	private static final LocalDate D0 = LocalDate.parse("2026-01-05");

	private static MetricLedger metric(String metric, String... channels) {
		BrandLedger.Builder ledger = BrandLedger.builder("acme", MetricCatalog.defaults());
		for (int day = 0; day < 10; day++) {
			for (String channel : channels) {
				ledger.add(metric, channel, D0.plusDays(day), 1000 + day);
			}
		}
		return ledger.build().metric(metric).orElseThrow();
	}

	private static List<DailySeries> controls(MetricLedger metric, String... campaignChannels) {
		return CampaignScorer.controls(metric, List.of(campaignChannels), D0, D0.plusDays(9));
	}

	@Test
	void usesTheOtherChannelsOfAMetricTheCampaignRanOn() {
		List<DailySeries> controls = controls(metric("followers", "instagram", "tiktok", "youtube"), "instagram");

		assertThat(controls).hasSize(2);
		assertThat(controls.get(0).first()).isEqualTo(D0);
		assertThat(controls.get(0).values()).hasSize(10).startsWith(1000, 1001).endsWith(1009);
	}

	@Test
	void usesNoControlsForAMetricOnChannelsTheCampaignDidNotRunOn() {
		assertThat(controls(metric("sales_revenue", "shop", "marketplace"), "instagram")).isEmpty();
	}

	@Test
	void usesNoControlsForACampaignOnTheWholeBrand() {
		assertThat(controls(metric("followers", "all"), "all")).isEmpty();
		assertThat(controls(metric("followers", "instagram", "tiktok"), "all")).isEmpty();
	}

	@Test
	void neverTakesTheBrandsTotalAsAControl() {
		assertThat(controls(metric("followers", "all", "tiktok"), "tiktok")).isEmpty();
	}

}
