package io.brandsignal.ingest.observation;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.brandsignal.contract.catalog.MetricTier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The ingest meters operators watch: observations accepted by category and AMEC tier, batches rejected by reason,
 * the size of accepted batches, how long publishing takes, and how the publisher groups batches into Kafka
 * transactions (batches per transaction, transaction duration). Every tag value is registered up front,
 * so dashboards show zeros instead of gaps.
 */
@Component
public class IngestMetrics {

	static final String ACCEPTED = "brandsignal.ingest.observations.accepted";

	static final String REJECTED = "brandsignal.ingest.batches.rejected";

	static final String BATCH_SIZE = "brandsignal.ingest.batch.size";

	static final String PUBLISH = "brandsignal.ingest.publish";

	static final String TRANSACTION = "brandsignal.ingest.transaction";

	static final String TRANSACTION_BATCHES = "brandsignal.ingest.transaction.batches";

	private final Map<MetricTier, Counter> accepted = new EnumMap<>(MetricTier.class);

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	private final DistributionSummary batchSize;

	private final Timer publishSucceeded;

	private final Timer publishFailed;

	private final DistributionSummary transactionBatches;

	private final Timer transactionCommitted;

	private final Timer transactionFailed;

	public IngestMetrics(MeterRegistry registry) {
		for (MetricTier tier : MetricTier.values()) {
			this.accepted.put(tier, Counter.builder(ACCEPTED)
				.description("Observations accepted and acknowledged by Kafka")
				.tag("category", tier.category().name().toLowerCase(Locale.ROOT))
				.tag("tier", tier.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
		for (RejectionReason reason : RejectionReason.values()) {
			this.rejected.put(reason, Counter.builder(REJECTED)
				.description("Batches refused, nothing of them published")
				.tag("reason", reason.tag())
				.register(registry));
		}
		this.batchSize = summary(registry, BATCH_SIZE, "Observations per accepted batch", 5000.0);
		String publish = "Time a request waits for its batch's transaction (queue and commit) to commit or fail";
		this.publishSucceeded = timer(registry, PUBLISH, publish, "success");
		this.publishFailed = timer(registry, PUBLISH, publish, "failure");
		this.transactionBatches = summary(registry, TRANSACTION_BATCHES,
				"Requests' batches committed together in one Kafka transaction (group commit)", 1000.0);
		String transaction = "Time from beginning a Kafka transaction until it committed or failed";
		this.transactionCommitted = timer(registry, TRANSACTION, transaction, "committed");
		this.transactionFailed = timer(registry, TRANSACTION, transaction, "failed");
	}

	private static DistributionSummary summary(MeterRegistry registry, String name, String description,
			double maximumExpected) {
		return DistributionSummary.builder(name)
			.description(description)
			.publishPercentileHistogram()
			.minimumExpectedValue(1.0)
			.maximumExpectedValue(maximumExpected)
			.register(registry);
	}

	private static Timer timer(MeterRegistry registry, String name, String description, String outcome) {
		return Timer.builder(name)
			.description(description)
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(registry);
	}

	/** Counts a batch that Kafka acknowledged. */
	public void accepted(List<Observation> batch) {
		// Counted per tier first: one shared counter update per tier and batch instead of one per observation.
		int[] perTier = new int[MetricTier.values().length];
		for (Observation observation : batch) {
			perTier[observation.metric().tier().ordinal()]++;
		}
		for (MetricTier tier : MetricTier.values()) {
			if (perTier[tier.ordinal()] > 0) {
				this.accepted.get(tier).increment(perTier[tier.ordinal()]);
			}
		}
		this.batchSize.record(batch.size());
	}

	/** Counts a refused batch. */
	public void rejected(RejectionReason reason) {
		this.rejected.get(reason).increment();
	}

	/** Records a committed transaction: how many requests' batches it carried and how long it took. */
	public void transactionCommitted(int batches, long nanos) {
		this.transactionBatches.record(batches);
		this.transactionCommitted.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Records a transaction that failed, every batch in it refused. */
	public void transactionFailed(long nanos) {
		this.transactionFailed.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Records how long a publish took. */
	public void published(long nanos, boolean succeeded) {
		(succeeded ? this.publishSucceeded : this.publishFailed).record(nanos, TimeUnit.NANOSECONDS);
	}

}
