package io.brandsignal.scoring.simulation;

import java.util.SplittableRandom;

import io.brandsignal.contract.event.BrandScored;

/**
 * One family of simulated brands: how they are generated, what is counted for each brand, and the
 * rate a correct scorer must reach.
 *
 * @param name short name, used in the table and by the tests
 * @param generator the generator's exact parameters, in words, for the table
 * @param criterion what is counted for each brand, in words
 * @param target the rate the counted event must reach (or stay under)
 * @param brands how many brands are generated
 * @param seed seed of the family's random stream (brand i uses the i-th split of it)
 * @param generate builds brand i
 * @param event whether the counted event happened for a brand and its scorecard
 */
record Family(String name, String generator, String criterion, Target target, int brands, long seed,
		Generator generate, Event event) {

	/** Builds one brand from its own random stream. */
	@FunctionalInterface
	interface Generator {

		SimulatedBrand generate(SplittableRandom random, String name);

	}

	/** The event counted for a brand, judged from the generator's ground truth. */
	@FunctionalInterface
	interface Event {

		boolean happened(SimulatedBrand brand, BrandScored card);

	}

	/**
	 * The rate to reach: at most (false positives) or at least (power, correct verdicts); {@code NaN} for
	 * a row reported for information only.
	 */
	record Target(double rate, boolean atMost) {

		static Target atMost(double rate) {
			return new Target(rate, true);
		}

		static Target atLeast(double rate) {
			return new Target(rate, false);
		}

		static Target none() {
			return new Target(Double.NaN, false);
		}

		boolean isSet() {
			return !Double.isNaN(this.rate);
		}

		boolean met(double measured) {
			return this.atMost ? measured <= this.rate : measured >= this.rate;
		}

		String text() {
			return isSet() ? (this.atMost ? "≤ " : "≥ ") + Math.round(this.rate * 100) + " %" : "—";
		}

	}

}
