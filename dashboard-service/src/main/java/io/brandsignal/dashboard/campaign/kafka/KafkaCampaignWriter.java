package io.brandsignal.dashboard.campaign.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.campaign.CampaignWriteFailedException;
import io.brandsignal.dashboard.campaign.CampaignWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Writes each campaign or tombstone from the form to {@code Topics.CAMPAIGNS} with an idempotent producer of its
 * own ({@code acks=all}), apart from the template that writes dead letters, and waits for the broker's
 * acknowledgement, so the person is told "saved" only once it is. Every client timeout lies within
 * {@link #TIMEOUT}, so a broker that is away answers the form within seconds, not the client's two minutes.
 */
@Component
class KafkaCampaignWriter implements CampaignWriter, DisposableBean {

	/** The longest a form waits for the broker. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Producer<byte[], byte[]> producer;

	private final Serializer<String> keySerializer = Topics.CAMPAIGNS.keySerde().serializer();

	private final Serializer<CampaignDefined> valueSerializer = Topics.CAMPAIGNS.valueSerde().serializer();

	KafkaCampaignWriter(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "dashboard-campaign-form");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	@Override
	public void write(String key, CampaignDefined campaign) {
		String topic = Topics.CAMPAIGNS.name();
		byte[] value = (campaign != null) ? this.valueSerializer.serialize(topic, campaign) : null;
		try {
			this.producer.send(new ProducerRecord<>(topic, this.keySerializer.serialize(topic, key), value))
				.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new CampaignWriteFailedException("Kafka did not acknowledge the campaign: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CampaignWriteFailedException("Kafka did not acknowledge the campaign within " + TIMEOUT.toSeconds()
					+ " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CampaignWriteFailedException("Interrupted while waiting for Kafka", ex);
		}
		catch (RuntimeException ex) {
			// send itself throws when the producer cannot take the record at all (no metadata within max.block.ms)
			throw new CampaignWriteFailedException("Kafka did not take the campaign: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
