package io.brandsignal.scoring.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdict, cost and explanation of a campaign from per-metric lifts built by hand, so every expected number is
 * worked out here.
 */
class CampaignAssessorTests {

	private static final MetricCatalog CATALOG = MetricCatalog.defaults();

	private static final LocalDate START = LocalDate.of(2026, 5, 1);

	private static final CampaignWindow CAMPAIGN = new CampaignWindow("giveaway", START, START.plusDays(13), 14);

	private final CampaignAssessor assessor = new CampaignAssessor(LiftRules.defaults());

	private static MetricLift lift(String metric, double effect, double margin, double counterfactual, double p) {
		MetricDefinition definition = CATALOG.find(metric).orElseThrow();
		double low = effect - margin;
		double high = effect + margin;
		Effect total = new Effect(START, START.plusDays(27), 28, effect, low, high, counterfactual,
				100 * effect / counterfactual, 100 * low / counterfactual, 100 * high / counterfactual, p,
				p <= 0.05 && (low > 0 || high < 0));
		return new MetricLift(definition, LiftState.ESTIMATED, null, START.plusDays(27), total, total, total, 150, 20, 0,
				List.of());
	}

	private static MetricLift state(String metric, LiftState state, String reason) {
		return new MetricLift(CATALOG.find(metric).orElseThrow(), state, reason, START.plusDays(1), null, null, null, 0,
				0, 0, List.of());
	}

	@Test
	void audienceLiftWithoutOutcomeLiftBoughtAttentionAtACostPerFollower() {
		// 12,000 followers ± 1,500 for EUR 4,800: 0.40 each, 4,800/13,500 = 0.3556 to 4,800/10,500 = 0.4571
		MetricLift followers = lift("followers", 12_000, 1_500, 100_000, 0.001);
		MetricLift sales = lift("sales_revenue", 1_000, 4_000, 100_000, 0.41);
		CampaignResult result = this.assessor.assess(CAMPAIGN, List.of(followers, sales), Spend.of("4800", "EUR"));

		assertThat(result.verdict()).isEqualTo(CampaignVerdict.BOUGHT_ATTENTION);
		UnitCost perFollower = result.costs().get(0);
		assertThat(perFollower.metric()).isEqualTo("followers");
		assertThat(perFollower.cost()).isEqualByComparingTo("0.4000");
		assertThat(perFollower.low()).isEqualByComparingTo("0.3556");
		assertThat(perFollower.high()).isEqualByComparingTo("0.4571");
		// sales: +1,000 ± 4,000, lower end below 0: the dearest cost is unbounded
		UnitCost perEuro = result.costs().get(1);
		assertThat(perEuro.cost()).isEqualByComparingTo("4.800");
		assertThat(perEuro.low()).isEqualByComparingTo(new BigDecimal("0.9600"));
		assertThat(perEuro.unbounded()).isTrue();
		// return on spend: 1,000 / 4,800 = 0.208, from -3,000 / 4,800 = -0.625 to 5,000 / 4,800 = 1.042
		assertThat(result.returnOnSpend().ratio()).isEqualTo(1_000 / 4_800.0);
		assertThat(result.returnOnSpend().low()).isEqualTo(-3_000 / 4_800.0);
		assertThat(result.explanation()).isEqualTo("Bought 12,000 followers (± 1,500) at €0.40 each (€0.36 to €0.46); "
				+ "sales revenue did not move measurably (+1% ± 4%, p = 0.41).");
	}

	@Test
	void significantOutcomeLiftMovedOutcomesWithItsReturnOnSpend() {
		// sales +6,000 ± 3,000 on a counterfactual of 100,000 (+6% ± 3%) for USD 12,000
		MetricLift sales = lift("sales_revenue", 6_000, 3_000, 100_000, 0.004);
		CampaignResult result = this.assessor.assess(CAMPAIGN, List.of(sales), Spend.of("12000", "USD"));

		assertThat(result.verdict()).isEqualTo(CampaignVerdict.MOVED_OUTCOMES);
		assertThat(result.costs().get(0).cost()).isEqualByComparingTo("2.000");
		assertThat(result.costs().get(0).high()).isEqualByComparingTo("4.000");
		assertThat(result.returnOnSpend().ratio()).isEqualTo(0.5);
		assertThat(result.explanation()).isEqualTo("Moved sales revenue +6% ± 3% (+$6,000, p = 0.004) at $2.00 per "
				+ "incremental unit of sales revenue ($1.33 to $4.00); each $1 spent brought $0.50 of extra sales revenue "
				+ "($0.25 to $0.75).");
	}

	@Test
	void liftsWithinTheirUncertaintyAreNoMeasurableEffect() {
		CampaignResult result = this.assessor.assess(CAMPAIGN,
				List.of(lift("followers", 100, 900, 50_000, 0.6), lift("sales_revenue", -500, 2_000, 80_000, 0.7)), null);

		assertThat(result.verdict()).isEqualTo(CampaignVerdict.NO_MEASURABLE_EFFECT);
		assertThat(result.costs()).isEmpty();
		assertThat(result.explanation())
			.isEqualTo("No measurable effect: followers +0.2% ± 1.8% (p = 0.60), sales revenue -0.6% ± 2.5% (p = 0.70).");
	}

	@Test
	void twoAudienceMetricsAtPFourPercentAreNotCreditedTogether() {
		// Holm over the audience side's two metrics: the smaller p (0.04) must reach 0.05 / 2 = 0.025
		List<MetricLift> lifts = List.of(lift("followers", 900, 800, 50_000, 0.04), lift("likes", 300, 250, 9_000, 0.04),
				lift("sales_revenue", 0, 2_000, 80_000, 0.9));

		assertThat(this.assessor.assess(CAMPAIGN, lifts, null).verdict()).isEqualTo(CampaignVerdict.NO_MEASURABLE_EFFECT);
	}

	@Test
	void tooEarlyWhenNoMetricHasEnoughCampaignDays() {
		CampaignResult result = this.assessor.assess(CAMPAIGN,
				List.of(state("followers", LiftState.TOO_EARLY, "2 campaign days known, 3 needed"),
						state("sales_revenue", LiftState.NOT_ENOUGH_PRE_PERIOD, "10 known days ...")),
				Spend.of("100", "EUR"));

		assertThat(result.verdict()).isEqualTo(CampaignVerdict.TOO_EARLY);
		assertThat(result.costs()).isEmpty();
		assertThat(result.explanation()).isEqualTo("Too early to tell: followers: 2 campaign days known, 3 needed.");
	}

	@Test
	void notEnoughPrePeriodIsNotCalledNoEffect() {
		CampaignResult result = this.assessor.assess(CAMPAIGN, List.of(state("sales_revenue",
				LiftState.NOT_ENOUGH_PRE_PERIOD, "12 known days in the 182 before the campaign outside other campaigns, 28 needed")),
				null);

		assertThat(result.verdict()).isEqualTo(CampaignVerdict.NOT_ENOUGH_PRE_PERIOD);
		assertThat(result.explanation()).startsWith("Not enough history before the campaign to tell what it did: sales "
				+ "revenue: 12 known days");
	}

	@Test
	void overlappingCampaignsAreNamedNotCreditedTwice() {
		MetricLift followers = lift("followers", 12_000, 1_500, 100_000, 0.001);
		MetricLift overlapping = new MetricLift(followers.metric(), followers.state(), null, followers.asOf(),
				followers.campaign(), followers.carryOver(), followers.total(), 150, 20, 0, List.of("influencer-may"));
		CampaignResult result = this.assessor.assess(CAMPAIGN, List.of(overlapping), null);

		assertThat(result.overlaps()).containsExactly("influencer-may");
		assertThat(result.explanation()).endsWith(
				" Overlaps influencer-may: the lift is shared with that campaign, not this one's alone.");
	}

}
