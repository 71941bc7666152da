package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How accepted batches reach Kafka, under {@code brandsignal.ingest.publish}. Connection and other client
 * settings come from the standard {@code spring.kafka.*} properties; the settings that make a batch
 * safe ({@code acks=all}, idempotence, transactions, the timeouts below) are fixed here.
 * <p>
 * Batches are group-committed: each producer's committer takes every batch waiting in the queue (within
 * the per-transaction bounds below) and commits them in one transaction.
 *
 * @param timeout the longest a request waits for Kafka to acknowledge its batch before it answers
 *     {@code 503}; also the producer's {@code max.block.ms} and {@code delivery.timeout.ms}
 * @param retryAfter the {@code Retry-After} sent with a {@code 503}
 * @param producers how many transactional producers commit transactions in parallel, each driven by its own
 *     committer thread; two let one transaction fill while the other commits
 * @param queueCapacity how many batches may wait for a transaction; when the queue is full, requests are
 *     refused at once with {@code 503}, so request threads never pile up behind a slow broker
 * @param maxRecordsPerTransaction the most records a committer puts in one transaction; a batch is never
 *     split, so a single batch larger than this is committed alone
 * @param maxBytesPerTransaction the most serialized key and value bytes a committer puts in one
 *     transaction; as above, a single larger batch is committed alone
 * @param transactionalIdPrefix prefix of the producers' {@code transactional.id}s
 * @param instanceId identifies this instance within the transactional ids; give each instance a stable,
 *     unique one (e.g. the pod name of a stateful set) so a restarted instance fences its predecessor's
 *     open transactions at once; empty picks a random one per start
 */
@ConfigurationProperties("brandsignal.ingest.publish")
public record PublisherProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("2") int producers, @DefaultValue("64") int queueCapacity,
		@DefaultValue("20000") int maxRecordsPerTransaction, @DefaultValue("4MB") DataSize maxBytesPerTransaction,
		@DefaultValue("brandsignal-ingest") String transactionalIdPrefix, @DefaultValue("") String instanceId) {

	public PublisherProperties {
		if (timeout.toMillis() < 100) {
			throw new IllegalArgumentException("brandsignal.ingest.publish.timeout must be at least 100ms");
		}
		if (producers < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException(
					"brandsignal.ingest.publish.producers and queue-capacity must be >= 1");
		}
		if (maxRecordsPerTransaction < 1 || maxBytesPerTransaction.toBytes() < 1) {
			throw new IllegalArgumentException(
					"brandsignal.ingest.publish.max-records-per-transaction and max-bytes-per-transaction must be >= 1");
		}
	}

}
