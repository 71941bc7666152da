package io.brandsignal.scoring.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.scoring.ledger.BrandLedger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrandScorerTests {

	private static final LocalDate D0 = LocalDate.parse("2026-05-01");

	private final BrandScorer scorer = new BrandScorer(ScoringRules.defaults());

	private static MetricGrowth growth(String metric, MetricTier tier, Double percent, int days) {
		return new MetricGrowth(metric, tier.category(), tier, 1.0, 1.0, percent, null, days, 1);
	}

	@Test
	void combinesTierMeansWithTierWeights() {
		List<MetricGrowth> growths = List.of(growth("followers", MetricTier.OUTPUT, 20.0, 28),
				growth("fans", MetricTier.OUTPUT, 10.0, 28), growth("likes", MetricTier.OUTTAKE, 45.0, 28),
				growth("sales_revenue", MetricTier.IMPACT, 30.0, 28), growth("nps", MetricTier.OUTCOME, 10.0, 28));

		// vanity: (1 * mean(20, 10) + 0.5 * 45) / 1.5 = 25; outcome: (1 * 30 + 1 * 10) / 2 = 20
		assertThat(this.scorer.combinedGrowth(growths, MetricCategory.VANITY)).isEqualTo(25.0);
		assertThat(this.scorer.combinedGrowth(growths, MetricCategory.OUTCOME)).isEqualTo(20.0);
	}

	@Test
	void leavesOutMetricsWithTooFewReportedDaysOrUnknownGrowth() {
		List<MetricGrowth> growths = List.of(growth("followers", MetricTier.OUTPUT, 20.0, 6),
				growth("fans", MetricTier.OUTPUT, null, 28), growth("sales_revenue", MetricTier.IMPACT, 30.0, 7));

		assertThat(this.scorer.combinedGrowth(growths, MetricCategory.VANITY)).isNull();
		assertThat(this.scorer.combinedGrowth(growths, MetricCategory.OUTCOME)).isEqualTo(30.0);
	}

	@Test
	void decidesVerdictsAtTheThresholds() {
		assertThat(this.scorer.verdict(5.0, 5.0)).isEqualTo(Verdict.BRAND_BUILDER);
		assertThat(this.scorer.verdict(5.0, 4.99)).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(this.scorer.verdict(5.0, -40.0)).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(this.scorer.verdict(4.99, 5.0)).isEqualTo(Verdict.QUIET_PERFORMER);
		assertThat(this.scorer.verdict(-20.0, -5.0)).isEqualTo(Verdict.DECLINING);
		assertThat(this.scorer.verdict(-20.0, -4.99)).isEqualTo(Verdict.STEADY);
		assertThat(this.scorer.verdict(null, 50.0)).isEqualTo(Verdict.INSUFFICIENT_DATA);
	}

	@Test
	void vanityIndexIsZeroWhenOutcomesKeepUpAndRisesWithTheGap() {
		assertThat(this.scorer.vanityIndex(30.0, 30.0)).isEqualTo(0.0);
		assertThat(this.scorer.vanityIndex(30.0, 45.0)).isEqualTo(0.0);
		assertThat(this.scorer.vanityIndex(-10.0, -30.0)).isEqualTo(0.0);
		// gap 20: 100 * (1 - e^-1) = 63.2; falling outcomes count as zero growth
		assertThat(this.scorer.vanityIndex(20.0, 0.0)).isEqualTo(63.2);
		assertThat(this.scorer.vanityIndex(20.0, -50.0)).isEqualTo(63.2);
	}

	@Test
	void impactScoreRisesWithOutcomeGrowthAndEvidence() {
		ConversionEvidence none = ConversionEvidence.insufficient("followers", "sales_revenue", 10);
		ConversionEvidence strong = new ConversionEvidence("followers", "sales_revenue", 7, 0.6, 0.9, null, null, 0.01, 150,
				true);

		// 100 * 0.6 * (1 - e^-1) = 37.9
		assertThat(this.scorer.impactScore(20.0, none)).isEqualTo(37.9);
		// + 100 * 0.4 * 0.6 * (1 - 0.01) = 23.76 -> 61.7
		assertThat(this.scorer.impactScore(20.0, strong)).isEqualTo(61.7);
		assertThat(this.scorer.impactScore(-20.0, none)).isEqualTo(0.0);
	}

	@Test
	void explainsPercentAndPValuesInPlainNumbers() {
		assertThat(Explanation.percent(38.2)).isEqualTo("+38%");
		assertThat(Explanation.percent(1.04)).isEqualTo("+1%");
		assertThat(Explanation.percent(-2.46)).isEqualTo("-2.5%");
		assertThat(Explanation.percent(0.01)).isEqualTo("0%");
		assertThat(Explanation.pValue(0.6149)).isEqualTo("p = 0.61");
		assertThat(Explanation.pValue(0.0042)).isEqualTo("p = 0.004");
		assertThat(Explanation.pValue(0.00001)).isEqualTo("p < 0.001");
	}

	@Test
	void scoresTheWindowEndingAtTheLatestDayOfAnyMetric() {
		BrandLedger.Builder ledger = BrandLedger.builder("acme", MetricCatalog.defaults());
		for (int day = 0; day < 28; day++) {
			ledger.add("followers", "all", D0.plusDays(day), 1000 + 20 * day);
			ledger.add("sales_revenue", "all", D0.plusDays(day), 100);
		}
		ledger.add("likes", "all", D0.plusDays(30), 5);

		BrandScored scorecard = this.scorer.score(ledger.build(), Instant.EPOCH);

		// window d3..d30: followers carried 1540 to d30 from 1060 on d3: +45.28%; sales d17..d27 reported
		assertThat(scorecard.asOf()).isEqualTo(D0.plusDays(30));
		assertThat(scorecard.metrics()).filteredOn((growth) -> growth.metric().equals("followers"))
			.singleElement()
			.satisfies((growth) -> assertThat(growth.growthPercent()).isEqualTo(45.28));
		assertThat(scorecard.scoredAt()).isEqualTo(Instant.EPOCH);
	}

}
