package io.brandsignal.scoring.kafka;

import io.brandsignal.contract.metrics.DeadLetterMeter;
import io.brandsignal.contract.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The scoring service's own meters: observations processed, scorecards emitted and dead letters.
 */
public final class ScoringMetrics {

	private final MeterRegistry registry;

	private final Counter processed;

	private final Counter emitted;

	public ScoringMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.processed = Counter.builder("brandsignal.scoring.observations.processed")
			.description("Observations read into the ledger")
			.register(registry);
		this.emitted = Counter.builder("brandsignal.scoring.scorecards.emitted")
			.description("Scorecards published")
			.register(registry);
		// registered up front so the dead-letter rate reads 0, not absent, until the first poison record
		deadLetterCounter(Topics.OBSERVATIONS.name());
	}

	void observationProcessed() {
		this.processed.increment();
	}

	void scorecardEmitted() {
		this.emitted.increment();
	}

	/** Counts a record read from {@code topic} and sent to its dead-letter topic (tag {@code topic}). */
	public void deadLettered(String topic) {
		deadLetterCounter(topic).increment();
	}

	private Counter deadLetterCounter(String topic) {
		return DeadLetterMeter.counter(this.registry, topic);
	}

}
