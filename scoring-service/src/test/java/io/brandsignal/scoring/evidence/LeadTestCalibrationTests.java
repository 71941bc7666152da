package io.brandsignal.scoring.evidence;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.scoring.evidence.LeadScenarios.NullFamily;
import io.brandsignal.scoring.evidence.LeadScenarios.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead test's calibration study at the service's defaults (180 days, lags 0..21, level 5%): the
 * false-positive rate on independent series shaped like real feeds, and the power to find a true link at
 * its lag with an interval that covers the true effect. Every pair comes from a seeded generator whose
 * ground truth (independence, lag, effect) is the expected value. The table is printed for docs/scoring.md.
 */
class LeadTestCalibrationTests {

	/** Independent pairs per null family: the rate's standard error at 5% is 1 point. */
	private static final int NULL_PAIRS = 500;

	/** Pairs per true-link setting. */
	private static final int PAIRS = 300;

	/** The effect size at which the test is asserted to find at least 80% of links at their lag. */
	private static final double EFFECT = 80;

	/** Noise of the outcome around its expected value (coefficient of variation) in the power study. */
	private static final double NOISE_CV = 0.2;

	private static final int[] LAGS = { 0, 3, 7, 14 };

	private static final LeadTest TEST = new LeadTest(21, 30, 0.05);

	private static final Map<NullFamily, Double> FALSE_POSITIVE_RATES = new EnumMap<>(NullFamily.class);

	private static final Map<Integer, Power> POWER_AT_EFFECT = new HashMap<>();

	@BeforeAll
	static void runStudy() {
		StringBuilder table = new StringBuilder(String.format(
				"%nLead test calibration: 180 days, lags 0..21, level 0.05; %d independent pairs per null family, %d per"
						+ " true-link setting%n| null family | false-positive rate |%n|---|---|%n", NULL_PAIRS, PAIRS));
		for (NullFamily family : NullFamily.values()) {
			int significant = 0;
			for (int i = 0; i < NULL_PAIRS; i++) {
				Pair pair = LeadScenarios.nullPair(family, 1_000_000L * family.ordinal() + i);
				if (TEST.evaluate(pair.audience(), pair.outcome()).significant()) {
					significant++;
				}
			}
			double rate = significant / (double) NULL_PAIRS;
			FALSE_POSITIVE_RATES.put(family, rate);
			table.append(String.format("| %s | %.3f |%n", family, rate));
		}
		table.append(String.format("%n| outcome | effect | lag | significant | at lag +-1 | effect shown | interval covers truth |%n"
				+ "|---|---|---|---|---|---|---|%n"));
		for (int lag : LAGS) {
			for (double effect : new double[] { 40, 60, EFFECT, 120 }) {
				Power power = power((seed) -> LeadScenarios.linkedPair(effect, lag, NOISE_CV, seed), lag);
				if (effect == EFFECT) {
					POWER_AT_EFFECT.put(lag, power);
				}
				table.append(power.row("sales, CV " + NOISE_CV, effect, lag));
			}
			table.append(power((seed) -> LeadScenarios.linkedPair(EFFECT, lag, 0.3, seed), lag)
				.row("sales, CV 0.3", EFFECT, lag));
			table.append(power((seed) -> LeadScenarios.linkedCounts(EFFECT, lag, 2, seed), lag)
				.row("leads, Poisson mean 2", EFFECT, lag));
		}
		System.out.println(table);
	}

	@ParameterizedTest
	@EnumSource(NullFamily.class)
	void holdsItsLevelOnIndependentSeries(NullFamily family) {
		assertThat(FALSE_POSITIVE_RATES.get(family)).isLessThanOrEqualTo(0.07);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 7, 14 })
	void findsFourInFiveTrueLinksAtTheirLag(int lag) {
		assertThat(POWER_AT_EFFECT.get(lag).atLag()).isGreaterThanOrEqualTo(0.80);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 7, 14 })
	void givesAnIntervalThatCoversTheTrueEffect(int lag) {
		Power power = POWER_AT_EFFECT.get(lag);
		assertThat(power.shown()).isGreaterThanOrEqualTo(0.75);
		assertThat(power.covered()).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void showsAnEffectSizeOnlyWithASignificantLead() {
		assertThat(POWER_AT_EFFECT.values()).allSatisfy((power) -> assertThat(power.shownWithoutSignificance()).isZero());
	}

	private static Power power(LongFunction<Pair> pairs, int lag) {
		int significant = 0;
		int atLag = 0;
		int shown = 0;
		int covered = 0;
		int shownWithoutSignificance = 0;
		for (int i = 0; i < PAIRS; i++) {
			Pair pair = pairs.apply(7_000_000L + 1000L * lag + i);
			ConversionEvidence evidence = TEST.evaluate(pair.audience(), pair.outcome());
			if (evidence.elasticity() != null) {
				shown++;
				if (!evidence.significant()) {
					shownWithoutSignificance++;
				}
				if (evidence.elasticityLow() <= pair.trueEffect() && pair.trueEffect() <= evidence.elasticityHigh()) {
					covered++;
				}
			}
			if (evidence.significant()) {
				significant++;
				if (Math.abs(evidence.bestLagDays() - lag) <= 1) {
					atLag++;
				}
			}
		}
		return new Power(significant / (double) PAIRS, atLag / (double) PAIRS,
				shown / (double) Math.max(1, significant), covered / (double) Math.max(1, shown),
				shownWithoutSignificance);
	}

	/**
	 * Rates over the pairs of one true-link setting.
	 * @param significant share found significant
	 * @param atLag share found significant with the best lag within one day of the true lag
	 * @param shown share of the significant ones that show an effect size
	 * @param covered share of the shown effect sizes whose interval covers the true effect
	 * @param shownWithoutSignificance effect sizes shown without a significant lead (must be none)
	 */
	private record Power(double significant, double atLag, double shown, double covered, int shownWithoutSignificance) {

		String row(String outcome, double effect, int lag) {
			return String.format("| %s | %.0f | %d | %.3f | %.3f | %.3f | %.3f |%n", outcome, effect, lag, this.significant,
					this.atLag, this.shown, this.covered);
		}

	}

}
