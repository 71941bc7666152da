package io.brandsignal.dashboard.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.Effect;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.CampaignScored.Day;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.dashboard.CampaignFixtures;
import io.brandsignal.dashboard.readmodel.CampaignRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignChartTests {

	private static final LocalDate DAY1 = LocalDate.parse("2026-03-01");

	@Test
	void drawsTheBandTheLinesAndShadesTheCampaignAndItsCarryOver() {
		// 5 days over 560 px (70..630): 140 px a day; values 0..100 over 200 px (y 210 at 0, 10 at 100)
		List<Day> days = List.of(new Day(DAY1, 0.0, 0, 0, 0), new Day(DAY1.plusDays(1), 100.0, 50, 40, 60),
				new Day(DAY1.plusDays(2), null, 50, 40, 60), new Day(DAY1.plusDays(3), 50.0, 50, 40, 60),
				new Day(DAY1.plusDays(4), 50.0, 50, 40, 60));

		LiftChart chart = LiftChart.of("sales", days, DAY1.plusDays(1), DAY1.plusDays(2), 1);

		assertThat(chart.counterfactualPath()).startsWith("M70.0,210.0 L210.0,110.0");
		// the unknown third day breaks the actual line: it starts again on the fourth
		assertThat(chart.actualPath()).isEqualTo("M70.0,210.0 L210.0,10.0 M490.0,110.0 L630.0,110.0");
		// the campaign covers days 2 and 3, from half a day before the second to half a day after the third
		assertThat(chart.campaign().x()).isEqualTo("140.0");
		assertThat(chart.campaign().width()).isEqualTo("280.0");
		assertThat(chart.carryOver().x()).isEqualTo("420.0");
		assertThat(chart.carryOver().width()).isEqualTo("140.0");
		assertThat(chart.description()).contains("on 2026-03-05 actual 50 against 50 expected");
	}

	@Test
	void leavesOutACarryOverThatLiesBeyondTheDaysShown() {
		List<Day> days = List.of(new Day(DAY1, 1.0, 1, 0, 2), new Day(DAY1.plusDays(1), 1.0, 1, 0, 2));

		LiftChart chart = LiftChart.of("sales", days, DAY1, DAY1.plusDays(1), 7);

		assertThat(chart.carryOver()).isNull();
		assertThat(chart.campaign()).isNotNull();
	}

	@Test
	void plotsOnlyCampaignsWithBothLiftsAndPutsTheAxesAtZero() {
		Instant at = Instant.parse("2026-03-20T00:00:00Z");
		CampaignRow both = CampaignRow.of(CampaignFixtures.scored("acme", "a", "A", CampaignKind.GIVEAWAY,
				CampaignVerdict.BOUGHT_ATTENTION, 20.0, 0.0, at));
		CampaignRow early = CampaignRow.of(CampaignFixtures.tooEarly("acme", "b", at));

		PortfolioChart chart = PortfolioChart.of(List.of(both, early));

		assertThat(chart.points()).singleElement().satisfies((point) -> {
			assertThat(point.href()).isEqualTo("/brands/acme/campaigns/a");
			assertThat(point.label()).contains("audience +20.0 %", "outcomes +0.0 %", "Bought attention");
			// outcome lift 0 sits on the horizontal axis
			assertThat(point.y()).isEqualTo(chart.zeroY());
		});
		assertThat(chart.unplotted()).isEqualTo(1);
	}

	@Test
	void headlinesTheSidesMetricWithTheStrongestEvidence() {
		CampaignScored base = CampaignFixtures.scored("acme", "a", "A", CampaignKind.GIVEAWAY,
				CampaignVerdict.BOUGHT_ATTENTION, 20.0, 3.0, Instant.parse("2026-03-20T00:00:00Z"));
		// likes comes first and rose more, but by chance alone as often as not (p = 0.3); followers has p = 0.01
		Effect weak = new Effect(CampaignFixtures.START, CampaignFixtures.END, 10, 500, -100, 1100, 1000, 50.0, -10.0,
				110.0, 0.3, false);
		MetricLift likes = new MetricLift("likes", MetricCategory.VANITY, CampaignLiftState.ESTIMATED, null, weak,
				null, weak, 56, 8, 0, List.of());
		CampaignScored result = new CampaignScored(base.brand(), base.campaignId(), base.name(), base.kind(),
				base.startDate(), base.endDate(), base.carryOverDays(), base.asOf(), base.verdict(), base.explanation(),
				List.of(likes, base.metrics().get(0), base.metrics().get(1)), base.spend(), base.currency(),
				base.costs(), base.returnOnSpend(), base.overlaps(), base.scoredAt());

		CampaignRow row = CampaignRow.of(result);

		assertThat(row.audienceMetric()).isEqualTo("followers");
		assertThat(row.audienceLiftPercent()).isEqualTo(20.0);
		assertThat(row.audienceLiftLowPercent()).isEqualTo(15.0);
		assertThat(row.outcomeMetric()).isEqualTo("sales");
		assertThat(row.outcomeLiftHighPercent()).isEqualTo(8.0);
	}

}
