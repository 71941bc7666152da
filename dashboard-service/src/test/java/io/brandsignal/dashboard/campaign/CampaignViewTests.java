package io.brandsignal.dashboard.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.CampaignScored.UnitCost;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.dashboard.CampaignFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignViewTests {

	private static final Instant AT = Instant.parse("2026-03-20T00:00:00Z");

	@Test
	void saysHowManyOfTheCampaignDaysAreKnownWhenItIsTooEarly() {
		// asOf 2026-03-03 is the third day of 2026-03-01..2026-03-10
		CampaignView view = CampaignView.of(null, CampaignFixtures.tooEarly("acme", "early", AT));

		assertThat(view.state()).isEqualTo("3 of 10 campaign days known: too few to measure a lift yet.");
		assertThat(view.verdictLabel()).isEqualTo("Too early");
		assertThat(view.metrics()).singleElement()
			.satisfies((row) -> assertThat(row.state()).isEqualTo("Too early: only 3 campaign days known, 7 needed"));
	}

	@Test
	void givesTheReasonsWhenThereIsNotEnoughHistory() {
		MetricLift followers = new MetricLift("followers", MetricCategory.VANITY,
				CampaignLiftState.NOT_ENOUGH_PRE_PERIOD, "12 days before the campaign, 28 needed", null, null, null, 12,
				0, 0, List.of());
		MetricLift sales = new MetricLift("sales", MetricCategory.OUTCOME, CampaignLiftState.NOT_ENOUGH_PRE_PERIOD,
				"12 days before the campaign, 28 needed", null, null, null, 12, 0, 0, List.of());
		CampaignScored result = new CampaignScored("acme", "new", "New", CampaignKind.OTHER, CampaignFixtures.START,
				CampaignFixtures.END, 7, CampaignFixtures.END, CampaignVerdict.NOT_ENOUGH_PRE_PERIOD, "No history.",
				List.of(followers, sales), null, null, List.of(), null, List.of(), AT);

		assertThat(CampaignView.of(null, result).state())
			.isEqualTo("Not enough history before the campaign: 12 days before the campaign, 28 needed.");
	}

	@Test
	void saysInWordsThatACostHasNoUpperBound() {
		CampaignView.CostRow bounded = CampaignView.CostRow
			.of(new UnitCost("sales", new BigDecimal("2.10"), new BigDecimal("1.40"), new BigDecimal("4.20")), "EUR");
		CampaignView.CostRow unbounded = CampaignView.CostRow
			.of(new UnitCost("followers", new BigDecimal("0.40"), new BigDecimal("0.30"), null), "EUR");

		assertThat(bounded.cost()).isEqualTo("2.1 EUR");
		assertThat(bounded.interval()).isEqualTo("1.4 EUR to 4.2 EUR");
		assertThat(unbounded.interval()).startsWith("at least 0.3 EUR").contains("unbounded");
	}

	@Test
	void showsEachEffectWithItsIntervalAndTheRelativeTotal() {
		CampaignView view = CampaignView.of(null, CampaignFixtures.scored("acme", "push", "Push",
				CampaignKind.PAID_SOCIAL, CampaignVerdict.BOUGHT_ATTENTION, 12.0, -1.0, AT));

		// followers: effect 3000, interval half to one and a half times it, relative 12 % ± 5 points
		assertThat(view.metrics()).first().satisfies((row) -> {
			assertThat(row.total()).isEqualTo("+3,000 (+1,500 to +4,500)");
			assertThat(row.relative()).isEqualTo("+12.0 % (+7.0 % to +17.0 %)");
			assertThat(row.significant()).isEqualTo("Yes");
			assertThat(row.carryOver()).isEqualTo("+0 (+0 to +0)");
		});
		// sales has no carry-over estimate yet
		assertThat(view.metrics().get(1).carryOver()).isEqualTo("n/a");
		assertThat(view.overlaps()).containsExactly("other-campaign");
		assertThat(view.spend()).isEqualTo("1200 EUR");
	}

}
