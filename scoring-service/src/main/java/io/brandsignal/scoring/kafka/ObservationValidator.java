package io.brandsignal.scoring.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.ObservationRules;

/**
 * Decides whether a readable observation can enter the ledger; the reason when it cannot. Ingest
 * already checks all of this; scoring checks again because anything can write to a topic. The field
 * rules are the contract's {@link ObservationRules}, the same ingest applies; the messages here are
 * scoring's own, written to dead-letter headers for an operator.
 */
final class ObservationValidator {

	/** How far ingest's clock may run ahead of this one. */
	private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

	private final MetricCatalog catalog;

	ObservationValidator(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Why the observation is invalid, or empty when it is valid.
	 * @param key the record key (the brand)
	 * @param observation the observation, {@code null} for a record without value
	 * @param now the current time, to refuse observations from the future
	 * @return the reason it is rejected
	 */
	Optional<String> problem(String key, ObservationRecorded observation, Instant now) {
		if (observation == null) {
			return Optional.of("record has no value");
		}
		if (ObservationRules.slugProblem(observation.brand()) != null) {
			return Optional.of("brand is missing or not a lowercase slug");
		}
		if (!observation.brand().equals(key)) {
			// the key decides the partition; a brand spread over partitions would be scored in parts
			return Optional.of("record key '" + key + "' is not the brand '" + observation.brand() + "'");
		}
		if (ObservationRules.slugProblem(observation.channel()) != null) {
			return Optional.of("channel is missing or not a lowercase slug");
		}
		if (observation.date() == null) {
			return Optional.of("date is missing");
		}
		if (observation.receivedAt() == null) {
			return Optional.of("receivedAt is missing");
		}
		// A far-future day would move the brand's scoring window and horizon past all real data, and a
		// far-future receivedAt would pin its cell against every later correction.
		if (observation.receivedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
			return Optional.of("receivedAt " + observation.receivedAt() + " is in the future");
		}
		if (ObservationRules.dateProblem(observation.date(), observation.receivedAt()) != null) {
			return Optional.of("date " + observation.date() + " outside " + ObservationRecorded.EARLIEST_DATE
					+ ".." + ObservationRecorded.latestDate(observation.receivedAt()));
		}
		Optional<MetricDefinition> metric = this.catalog.find(observation.metric());
		if (metric.isEmpty()) {
			return Optional.of("unknown metric '" + observation.metric() + "'");
		}
		if (ObservationRules.valueProblem(observation.value(), metric.get()) != null) {
			return Optional.of("value " + observation.value() + " outside " + observation.metric() + " range "
					+ metric.get().describeRange());
		}
		return Optional.empty();
	}

}
