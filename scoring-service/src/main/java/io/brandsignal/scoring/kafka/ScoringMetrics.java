package io.brandsignal.scoring.kafka;

import java.util.EnumMap;
import java.util.Map;

import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.metrics.DeadLetterMeter;
import io.brandsignal.contract.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The scoring service's own meters: observations processed, scorecards emitted, campaign results published by
 * verdict, and dead letters.
 */
public final class ScoringMetrics {

	private final MeterRegistry registry;

	private final Counter processed;

	private final Counter emitted;

	private final Map<CampaignVerdict, Counter> campaignResults = new EnumMap<>(CampaignVerdict.class);

	public ScoringMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.processed = Counter.builder("brandsignal.scoring.observations.processed")
			.description("Observations read into the ledger")
			.register(registry);
		this.emitted = Counter.builder("brandsignal.scoring.scorecards.emitted")
			.description("Scorecards published")
			.register(registry);
		for (CampaignVerdict verdict : CampaignVerdict.values()) {
			this.campaignResults.put(verdict, Counter.builder("brandsignal.scoring.campaign.results")
				.description("Campaign results published (new or changed), by verdict")
				.tag("verdict", verdict.name())
				.register(registry));
		}
		// registered up front so the dead-letter rate reads 0, not absent, until the first poison record
		deadLetterCounter(Topics.OBSERVATIONS.name());
		deadLetterCounter(Topics.CAMPAIGNS.name());
	}

	void campaignResultPublished(CampaignVerdict verdict) {
		this.campaignResults.get(verdict).increment();
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
