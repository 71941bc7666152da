package io.brandsignal.dashboard.brand;

import java.time.Instant;

import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void writesGrowthWithItsNinetyFivePercentMargin() {
		assertThat(Phrases.growth(6.0, 4.0)).isEqualTo("+6.0 % ± 4.0 %");
		assertThat(Phrases.growth(-25.04, 6.06)).isEqualTo("-25.0 % ± 6.1 %");
		assertThat(Phrases.growth(0.0, 2.0)).isEqualTo("+0.0 % ± 2.0 %");
		assertThat(Phrases.growth(-0.03, 0.11)).isEqualTo("+0.0 % ± 0.1 %");
	}

	@Test
	void saysWhatIsUnknownRatherThanInventingANumber() {
		assertThat(Phrases.growth(6.0, null)).isEqualTo("+6.0 % (margin unknown)");
		assertThat(Phrases.growth(null, 4.0)).isEqualTo("n/a");
		assertThat(Phrases.growth(Double.NaN, 4.0)).isEqualTo("n/a");
		assertThat(Phrases.trend(null)).isEqualTo("unknown");
		assertThat(Phrases.trend(Trend.FLAT)).isEqualTo("flat");
	}

	@Test
	void statesEachSidesTrendWithTheGrowthBehindIt() {
		var proven = Fixtures.provenScorecard("acme", T1);
		var trap = Fixtures.scorecard("trap", Verdict.VANITY_TRAP, T1);

		assertThat(Phrases.audience(proven)).isEqualTo("Audience: up — +20.0 % ± 3.5 %");
		assertThat(Phrases.outcomes(proven)).isEqualTo("Outcomes: up — +15.0 % ± 4.0 %");
		assertThat(Phrases.outcomes(trap)).isEqualTo("Outcomes: flat — +0.0 % ± 2.0 %");
	}

	@Test
	void saysTheAudienceIsUnknownForABrandThatReportsOnlyOutcomes() {
		var outcomesOnly = Fixtures.outcomesOnlyScorecard("shop", T1);

		assertThat(Phrases.audience(outcomesOnly)).isEqualTo("Audience: unknown — no audience metric reported");
		assertThat(Phrases.outcomes(outcomesOnly)).isEqualTo("Outcomes: down — -25.0 % ± 6.0 %");
	}

	@Test
	void tellsTooLittleDataFromNoMetricAtAll() {
		assertThat(Phrases.side("Audience", "audience", Trend.UNKNOWN, null, null, true))
			.isEqualTo("Audience: unknown — too little audience data in the window");
		// a scorecard stored before trends existed has growth but neither margin nor trend
		assertThat(Phrases.side("Outcomes", "outcome", null, 8.0, null, true))
			.isEqualTo("Outcomes: unknown — +8.0 % (margin unknown)");
	}

	@Test
	void statesASignificantEffectWithItsConfidenceIntervalLagAndPValue() {
		assertThat(Phrases.effect(Fixtures.provenScorecard("acme", T1).evidence()))
			.isEqualTo("Each 1 % of growth in followers brings +0.8 % sales revenue (95 % CI 0.3 to 1.3) "
					+ "about 7 days later (p = 0.002).");
		assertThat(Phrases.effect(new ConversionEvidence("vanity", "outcome", 0, 0.5, 1.25, 0.05, 2.456, 0.0004, 90,
				true)))
			.isEqualTo("Each 1 % of audience growth brings +1.25 % outcomes (95 % CI 0.05 to 2.46) on the same day "
					+ "(p < 0.001).");
	}

	@Test
	void saysALeadWhoseSizeIsTooUncertainWithoutANumber() {
		assertThat(Phrases.effect(new ConversionEvidence("followers", "leads", 1, 0.3, null, null, null, 0.01, 120,
				true)))
			.isEqualTo("Significant lead of growth in followers over leads, about 1 day later (p = 0.01); the size of "
					+ "the effect is too uncertain to state.");
	}

	@Test
	void saysNoSignificantLeadWithThePValueOrForWantOfData() {
		assertThat(Phrases.effect(Fixtures.scorecard("trap", Verdict.VANITY_TRAP, T1).evidence()))
			.isEqualTo("No significant lead of growth in followers over sales revenue (p = 0.62).");
		assertThat(Phrases.effect(ConversionEvidence.insufficient("vanity", "sales_revenue", 5)))
			.isEqualTo("No significant lead of audience growth over sales revenue: too little data (5 paired days).");
		assertThat(Phrases.effect(null)).isEqualTo("No evidence was computed.");
	}

}
