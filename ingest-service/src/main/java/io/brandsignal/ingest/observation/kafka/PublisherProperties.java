package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accepted batches reach Kafka, under {@code brandsignal.ingest.publish}. Connection and other client
 * settings come from the standard {@code spring.kafka.*} properties; the settings that make a batch
 * safe ({@code acks=all}, idempotence, transactions, the timeouts below) are fixed here.
 *
 * @param timeout the longest a request waits for Kafka to acknowledge its batch before it answers
 *     {@code 503}; also the producer's {@code max.block.ms} and {@code delivery.timeout.ms}
 * @param retryAfter the {@code Retry-After} sent with a {@code 503}
 * @param producers how many transactional producers publish batches in parallel
 * @param queueCapacity how many batches may wait for a free producer before requests are refused at once
 *     with {@code 503}, so request threads never pile up behind a slow broker
 * @param transactionalIdPrefix prefix of the producers' {@code transactional.id}s
 * @param instanceId identifies this instance within the transactional ids; give each instance a stable,
 *     unique one (e.g. the pod name of a stateful set) so a restarted instance fences its predecessor's
 *     open transactions at once; empty picks a random one per start
 */
@ConfigurationProperties("brandsignal.ingest.publish")
public record PublisherProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("4") int producers, @DefaultValue("32") int queueCapacity,
		@DefaultValue("brandsignal-ingest") String transactionalIdPrefix, @DefaultValue("") String instanceId) {

	public PublisherProperties {
		if (timeout.toMillis() < 100) {
			throw new IllegalArgumentException("brandsignal.ingest.publish.timeout must be at least 100ms");
		}
		if (producers < 1 || queueCapacity < 0) {
			throw new IllegalArgumentException(
					"brandsignal.ingest.publish.producers must be >= 1 and queue-capacity >= 0");
		}
	}

}
