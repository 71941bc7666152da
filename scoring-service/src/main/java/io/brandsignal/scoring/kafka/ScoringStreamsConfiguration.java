package io.brandsignal.scoring.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.ScoringProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Wires the scoring topology into Spring Kafka's Streams support, and sends records that cannot be
 * deserialized to the observations dead-letter topic (Spring Kafka's recovering deserialization
 * exception handler with a dead-letter publishing recoverer; the reason goes in the
 * {@code kafka_dlt-exception-*} headers).
 */
@Configuration(proxyBeanMethods = false)
class ScoringStreamsConfiguration {

	@Bean
	ScoringMetrics scoringMetrics(MeterRegistry registry) {
		return new ScoringMetrics(registry);
	}

	@Bean
	KStream<String, ObservationRecorded> scoringTopology(StreamsBuilder builder, MetricCatalog catalog,
			ScoringProperties properties, ScoringMetrics metrics) {
		return ScoringTopology.build(builder, catalog, properties.rules(),
				new ScoringTopology.Schedule(properties.recomputeInterval(), properties.maxRecomputeDelay()),
				properties.cachedBrands(), metrics);
	}

	@Bean
	DeadLetterPublishingRecoverer observationsDeadLetterRecoverer(KafkaProperties kafkaProperties,
			ScoringMetrics metrics) {
		Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
		return new CountingDeadLetterRecoverer(template, metrics);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer scoringStreamsConfigurer(DeadLetterPublishingRecoverer recoverer) {
		return (factoryBean) -> {
			// the factory bean hands out a copy of its configuration
			Properties configuration = factoryBean.getStreamsConfiguration();
			configuration.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
					RecoveringDeserializationExceptionHandler.class);
			configuration.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
			factoryBean.setStreamsConfiguration(configuration);
		};
	}

	/** Publishes to the observations dead-letter topic and counts what it sends. */
	static final class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

		private final ScoringMetrics metrics;

		CountingDeadLetterRecoverer(KafkaTemplate<byte[], byte[]> template, ScoringMetrics metrics) {
			super(template, (record, exception) -> new TopicPartition(Topics.OBSERVATIONS_DEAD_LETTER.name(), -1));
			this.metrics = metrics;
		}

		@Override
		public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
			super.accept(record, consumer, exception);
			this.metrics.deadLettered(record.topic());
		}

	}

}
