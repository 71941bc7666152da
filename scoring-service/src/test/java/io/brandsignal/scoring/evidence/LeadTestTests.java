package io.brandsignal.scoring.evidence;

import java.util.Arrays;

import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.event.ConversionEvidence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeadTestTests {

	private static final double NAN = Double.NaN;

	private final LeadTest test = new LeadTest(21, 30, 0.05);

	@Test
	void countsTheDaysOnWhichBothSignalsAreKnown() {
		// followers' signal is known on days 1, 4, 5 (a change needs two known days); sales on 0, 1, 2, 4, 5
		LeadSeries followers = followers(new double[] { 100, 101, NAN, 103, 104, 105 });
		LeadSeries sales = sales(new double[] { 5, 6, 7, NAN, 8, 9 });

		assertThat(this.test.pairedDays(followers, sales)).isEqualTo(3);
	}

	@Test
	void saysTheEvidenceIsInsufficientWithFewerPairedDaysThanTheMinimum() {
		LeadScenarios.Pair pair = LeadScenarios.linkedPair(200, 3, 0.1, 1);
		double[] followers = Arrays.copyOf(pair.audience().values(), 30);
		double[] sales = Arrays.copyOf(pair.outcome().values(), 30);

		ConversionEvidence evidence = this.test.evaluate(followers(followers), sales(sales));

		// 30 days, the followers' first day has no change: 29 paired days
		assertThat(evidence).isEqualTo(ConversionEvidence.insufficient("followers", "sales_revenue", 29));
	}

	@Test
	void findsTheLeadAtTheLagTheOutcomeFollowsWithAnIntervalAroundTheTrueEffect() {
		LeadScenarios.Pair pair = LeadScenarios.linkedPair(200, 5, 0.1, 1);

		ConversionEvidence evidence = this.test.evaluate(pair.audience(), pair.outcome());

		assertThat(evidence.significant()).isTrue();
		assertThat(evidence.bestLagDays()).isBetween(4, 6);
		assertThat(evidence.correlation()).isPositive();
		assertThat(evidence.pValue()).isLessThan(0.001);
		assertThat(evidence.elasticityLow()).isLessThanOrEqualTo(pair.trueEffect());
		assertThat(evidence.elasticityHigh()).isGreaterThanOrEqualTo(pair.trueEffect());
		assertThat(evidence.elasticity()).isBetween(evidence.elasticityLow(), evidence.elasticityHigh());
	}

	@Test
	void neverCallsANegativeLinkALead() {
		LeadScenarios.Pair pair = LeadScenarios.linkedPair(-100, 5, 0.1, 1);

		ConversionEvidence evidence = this.test.evaluate(pair.audience(), pair.outcome());

		assertThat(evidence.significant()).isFalse();
		assertThat(evidence.elasticity()).isNull();
	}

	@Test
	void showsNoEffectSizeWithoutASignificantLead() {
		for (long seed = 0; seed < 40; seed++) {
			LeadScenarios.Pair pair = LeadScenarios.nullPair(LeadScenarios.NullFamily.SMALL_COUNT_LEADS, seed);

			ConversionEvidence evidence = this.test.evaluate(pair.audience(), pair.outcome());

			if (!evidence.significant()) {
				assertThat(evidence.elasticity()).isNull();
				assertThat(evidence.elasticityLow()).isNull();
				assertThat(evidence.elasticityHigh()).isNull();
			}
		}
	}

	@Test
	void findsNoLeadBetweenTwoNoiselessTrends() {
		double[] followers = new double[180];
		double[] sales = new double[180];
		for (int t = 0; t < 180; t++) {
			followers[t] = 1000 + 10 * t;
			sales[t] = 100 + 2 * t;
		}

		ConversionEvidence evidence = this.test.evaluate(followers(followers), sales(sales));

		assertThat(evidence.significant()).isFalse();
	}

	@Test
	void givesTheSameEvidenceForTheSameSeries() {
		LeadScenarios.Pair pair = LeadScenarios.linkedPair(60, 7, 0.2, 3);
		LeadSeries audienceAgain = followers(pair.audience().values().clone());
		LeadSeries outcomeAgain = sales(pair.outcome().values().clone());

		assertThat(this.test.evaluate(audienceAgain, outcomeAgain)).isEqualTo(this.test.evaluate(pair.audience(), pair.outcome()));
	}

	@Test
	void rejectsSeriesThatCoverDifferentDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.test.evaluate(followers(new double[40]), sales(new double[41])));
	}

	private static LeadSeries followers(double[] values) {
		return new LeadSeries("followers", MetricKind.LEVEL, 0, Double.POSITIVE_INFINITY, values);
	}

	private static LeadSeries sales(double[] values) {
		return new LeadSeries("sales_revenue", MetricKind.FLOW, 0, Double.POSITIVE_INFINITY, values);
	}

}
