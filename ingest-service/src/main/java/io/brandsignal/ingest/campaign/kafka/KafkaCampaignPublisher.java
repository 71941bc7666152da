package io.brandsignal.ingest.campaign.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.campaign.CampaignPublisher;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.brandsignal.ingest.observation.kafka.KafkaObservationPublisher;
import io.brandsignal.ingest.observation.kafka.PublisherProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Publishes each campaign definition or tombstone to {@code Topics.CAMPAIGNS} with an idempotent producer
 * ({@code acks=all}) and returns only once the broker acknowledged it, within the publish timeout of
 * observations ({@link PublisherProperties#timeout()}). One record needs no transaction to be all or nothing;
 * the idempotent producer keeps one instance's records of a campaign in the order they were sent, and the
 * topic is compacted on the campaign's key, so its latest definition or deletion is what stays.
 */
@Component
public class KafkaCampaignPublisher implements CampaignPublisher, DisposableBean {

	private static final String RETRY_ADVICE = "send it again later (a campaign sent again replaces itself)";

	private final PublisherProperties properties;

	private final Producer<byte[], byte[]> producer;

	private final KafkaClientMetrics clientMetrics;

	private final Serializer<String> keySerializer = Topics.CAMPAIGNS.keySerde().serializer();

	private final Serializer<CampaignDefined> valueSerializer = Topics.CAMPAIGNS.valueSerde().serializer();

	@Autowired
	public KafkaCampaignPublisher(KafkaProperties kafkaProperties, PublisherProperties properties,
			MeterRegistry meterRegistry) {
		this(kafkaProperties.buildProducerProperties(), properties, meterRegistry);
	}

	KafkaCampaignPublisher(Map<String, Object> baseProducerConfig, PublisherProperties properties,
			MeterRegistry meterRegistry) {
		this.properties = properties;
		// The observations' settings: acks=all, idempotence, and every client timeout within the publish timeout.
		this.producer = new KafkaProducer<>(KafkaObservationPublisher.producerConfig(baseProducerConfig, properties),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.clientMetrics = new KafkaClientMetrics(this.producer);
		this.clientMetrics.bindTo(meterRegistry);
	}

	@Override
	public void publish(String key, CampaignDefined campaign) {
		String topic = Topics.CAMPAIGNS.name();
		byte[] value = (campaign != null) ? this.valueSerializer.serialize(topic, campaign) : null;
		long timeout = this.properties.timeout().toMillis();
		try {
			this.producer.send(new ProducerRecord<>(topic, this.keySerializer.serialize(topic, key), value))
				.get(timeout, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new PublishFailedException(
					"Kafka did not acknowledge the campaign within " + timeout + " ms; " + RETRY_ADVICE,
					this.properties.retryAfter(), ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(
					"Kafka did not acknowledge the campaign (" + ex.getCause().getMessage() + "); " + RETRY_ADVICE,
					this.properties.retryAfter(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while waiting for Kafka", this.properties.retryAfter(), ex);
		}
		catch (RuntimeException ex) {
			// send itself throws when the producer cannot take the record at all (e.g. closed while stopping)
			throw new PublishFailedException("Kafka did not take the campaign (" + ex.getMessage() + "); " + RETRY_ADVICE,
					this.properties.retryAfter(), ex);
		}
	}

	@Override
	public void destroy() {
		this.clientMetrics.close();
		this.producer.close(Duration.ofSeconds(5));
	}

}
