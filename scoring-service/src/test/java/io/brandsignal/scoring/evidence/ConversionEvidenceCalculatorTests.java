package io.brandsignal.scoring.evidence;

import java.util.Arrays;
import java.util.Random;

import io.brandsignal.contract.event.ConversionEvidence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConversionEvidenceCalculatorTests {

	private final ConversionEvidenceCalculator calculator = new ConversionEvidenceCalculator(21, 30, 0.05);

	@Test
	void computesLogGrowthAndLeavesDaysNextToUnknownValuesUnknown() {
		double[] growth = ConversionEvidenceCalculator.logGrowth(new double[] { 99, 199, Double.NaN, 9, 9 }, 0);

		assertThat(growth[0]).isNaN();
		// ln(200) - ln(100) = ln 2
		assertThat(growth[1]).isCloseTo(Math.log(2), within(1e-12));
		assertThat(growth[2]).isNaN();
		assertThat(growth[3]).isNaN();
		assertThat(growth[4]).isEqualTo(0.0);
	}

	@Test
	void shiftsSignedScalesBeforeTakingLogs() {
		// NPS -100..100: ln(0 + 100 + 1) - ln(-100 + 100 + 1) = ln 101
		double[] growth = ConversionEvidenceCalculator.logGrowth(new double[] { -100, 0 }, -100);

		assertThat(growth[1]).isCloseTo(Math.log(101), within(1e-12));
	}

	@Test
	void correctsThePValueForTheLagSearch() {
		// Šidák: 1 - 0.99^22 = 1 - e^(22 * ln 0.99) = 0.19837
		assertThat(ConversionEvidenceCalculator.sidak(0.01, 22)).isCloseTo(0.19837, within(1e-5));
		assertThat(ConversionEvidenceCalculator.sidak(1, 22)).isEqualTo(1.0);
	}

	@Test
	void computesOneSidedPValueFromTheTDistribution() {
		// r = 0.5, n = 27: t = 0.5 * sqrt(25 / 0.75) = 2.8868 with 25 degrees of freedom: p = 0.0039
		assertThat(ConversionEvidenceCalculator.oneSidedPValue(0.5, 27)).isCloseTo(0.0039, within(1e-4));
	}

	@Test
	void findsTheLagAtWhichOutcomeGrowthRepeatsAudienceGrowth() {
		Random random = new Random(3);
		double[] audience = new double[120];
		double[] outcome = new double[120];
		for (int t = 0; t < audience.length; t++) {
			audience[t] = random.nextGaussian();
			outcome[t] = (t >= 5) ? 0.8 * audience[t - 5] : Double.NaN;
		}

		ConversionEvidence evidence = this.calculator.evaluateGrowth("followers", audience, "sales", outcome);

		assertThat(evidence.bestLagDays()).isEqualTo(5);
		assertThat(evidence.correlation()).isCloseTo(1.0, within(1e-9));
		assertThat(evidence.elasticity()).isCloseTo(0.8, within(1e-9));
		assertThat(evidence.pValue()).isLessThan(1e-9);
		assertThat(evidence.samples()).isEqualTo(115);
		assertThat(evidence.significant()).isTrue();
	}

	@Test
	void reportsInsufficientEvidenceWithTooFewPairs() {
		double[] audience = new Random(1).doubles(25).toArray();
		double[] outcome = new Random(2).doubles(25).toArray();

		ConversionEvidence evidence = this.calculator.evaluateGrowth("followers", audience, "sales", outcome);

		assertThat(evidence).isEqualTo(ConversionEvidence.insufficient("followers", "sales", 25));
	}

	@Test
	void reportsInsufficientEvidenceWhenTheAudienceNeverVaries() {
		double[] audience = new double[60];
		Arrays.fill(audience, 0.01);
		double[] outcome = new Random(2).doubles(60).toArray();

		ConversionEvidence evidence = this.calculator.evaluateGrowth("followers", audience, "sales", outcome);

		assertThat(evidence.bestLagDays()).isNull();
		assertThat(evidence.samples()).isEqualTo(60);
		assertThat(evidence.significant()).isFalse();
	}

	@Test
	void doesNotCallANegativeLinkSignificant() {
		Random random = new Random(5);
		double[] audience = random.doubles(100).map((x) -> x - 0.5).toArray();
		double[] outcome = Arrays.stream(audience).map((x) -> -x).toArray();

		ConversionEvidence evidence = this.calculator.evaluateGrowth("followers", audience, "sales", outcome);

		assertThat(evidence.significant()).isFalse();
	}

}
