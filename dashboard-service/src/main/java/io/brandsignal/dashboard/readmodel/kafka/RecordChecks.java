package io.brandsignal.dashboard.readmodel.kafka;

import java.util.Map;
import java.util.regex.Pattern;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;

/**
 * The checks a consumed record must pass before it is stored; the read model trusts nothing it reads.
 */
final class RecordChecks {

	private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private RecordChecks() {
	}

	static void check(BrandScored scorecard) {
		if (scorecard == null) {
			throw new InvalidRecordException("Scorecard is empty (tombstone)");
		}
		checkBrand(scorecard.brand());
		require(scorecard.asOf() != null, "Scorecard of " + scorecard.brand() + " has no asOf");
		require(scorecard.verdict() != null, "Scorecard of " + scorecard.brand() + " has no verdict");
		require(scorecard.scoredAt() != null, "Scorecard of " + scorecard.brand() + " has no scoredAt");
		require(Double.isFinite(scorecard.vanityIndex()) && Double.isFinite(scorecard.impactScore()),
				"Scorecard of " + scorecard.brand() + " has a non-finite index");
	}

	static void check(DailyRollup rollup) {
		if (rollup == null) {
			throw new InvalidRecordException("Rollup is empty (tombstone)");
		}
		checkBrand(rollup.brand());
		require(rollup.date() != null, "Rollup of " + rollup.brand() + " has no date");
		for (Map.Entry<String, Double> value : rollup.metrics().entrySet()) {
			require(METRIC.matcher(value.getKey()).matches(), "Rollup has a malformed metric name");
			require(value.getValue() != null && Double.isFinite(value.getValue()),
					"Rollup value of " + value.getKey() + " is not a finite number");
		}
	}

	private static void checkBrand(String brand) {
		require(ObservationRecorded.isSlug(brand), "Brand is missing or not a slug");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidRecordException(message);
		}
	}

}
