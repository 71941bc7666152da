package io.brandsignal.ingest.campaign;

import java.util.EnumMap;
import java.util.Map;

import io.brandsignal.ingest.observation.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The campaign meters operators watch: definitions and deletions acknowledged by Kafka, and requests
 * refused by reason (the reasons of refused observation batches). Every tag value is registered up front,
 * so dashboards show zeros instead of gaps.
 */
@Component
public class CampaignMetrics {

	static final String ACCEPTED = "brandsignal.ingest.campaigns.accepted";

	static final String REJECTED = "brandsignal.ingest.campaigns.rejected";

	private final Counter upserted;

	private final Counter deleted;

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	public CampaignMetrics(MeterRegistry registry) {
		this.upserted = accepted(registry, "upsert");
		this.deleted = accepted(registry, "delete");
		for (RejectionReason reason : RejectionReason.values()) {
			this.rejected.put(reason, Counter.builder(REJECTED)
				.description("Campaign requests refused, nothing of them published")
				.tag("reason", reason.tag())
				.register(registry));
		}
	}

	private static Counter accepted(MeterRegistry registry, String operation) {
		return Counter.builder(ACCEPTED)
			.description("Campaign definitions and deletions acknowledged by Kafka")
			.tag("operation", operation)
			.register(registry);
	}

	/** Counts a definition Kafka acknowledged. */
	void upserted() {
		this.upserted.increment();
	}

	/** Counts a deletion Kafka acknowledged. */
	void deleted() {
		this.deleted.increment();
	}

	/** Counts a refused campaign request. */
	public void rejected(RejectionReason reason) {
		this.rejected.get(reason).increment();
	}

}
