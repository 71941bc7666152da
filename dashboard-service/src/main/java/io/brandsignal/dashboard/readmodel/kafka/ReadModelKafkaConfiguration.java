package io.brandsignal.dashboard.readmodel.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.brandsignal.contract.topic.Topic;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.DashboardProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the read model consumes Kafka: committed records only, each instance in a consumer group of its
 * own (so every instance sees every change), records that cannot be read or stored sent to the
 * dashboard's dead-letter topic after a bounded back-off so they never block the partition.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelKafkaConfiguration {

	static final String SCORECARD_LISTENER_FACTORY = "scorecardListenerFactory";

	static final String ROLLUP_LISTENER_FACTORY = "rollupListenerFactory";

	static final String DEAD_LETTER_METRIC = "brandsignal.deadletter.records";

	@Bean
	ConsumerGroup readModelConsumerGroup(DashboardProperties properties) {
		return new ConsumerGroup(properties.consumer().groupIdPrefix() + "-" + UUID.randomUUID());
	}

	@Bean(SCORECARD_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, Object> scorecardListenerFactory(KafkaProperties kafka,
			ConsumerGroup group, DefaultErrorHandler readModelErrorHandler, MeterRegistry meters) {
		return listenerFactory(kafka, group, Topics.SCORECARDS, readModelErrorHandler, meters);
	}

	@Bean(ROLLUP_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, Object> rollupListenerFactory(KafkaProperties kafka,
			ConsumerGroup group, DefaultErrorHandler readModelErrorHandler, MeterRegistry meters) {
		return listenerFactory(kafka, group, Topics.DAILY_ROLLUPS, readModelErrorHandler, meters);
	}

	@Bean
	DeadLetterProducers deadLetterProducers(KafkaProperties kafka, MeterRegistry meters) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		DeadLetterProducers producers = new DeadLetterProducers(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()),
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
						new JacksonJsonSerializer<>().noTypeInfo()));
		producers.bytes().addListener(new MicrometerProducerListener<>(meters));
		producers.json().addListener(new MicrometerProducerListener<>(meters));
		return producers;
	}

	@Bean
	DefaultErrorHandler readModelErrorHandler(DeadLetterProducers producers, DashboardProperties properties,
			MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(producers.templates(),
				(record, ex) -> new TopicPartition(Topics.DASHBOARD_DEAD_LETTER.name(), -1));
		// Registered at zero up front: Prometheus' increase() cannot see a series whose first sample is 1.
		for (Topic<?> consumed : List.of(Topics.SCORECARDS, Topics.DAILY_ROLLUPS)) {
			Counter.builder(DEAD_LETTER_METRIC)
				.description("Records sent to a dead-letter topic, by the topic they were read from")
				.tag("topic", consumed.name())
				.register(meters);
		}
		ConsumerRecordRecoverer countingRecoverer = (record, ex) -> {
			deadLetters.accept(record, ex);
			Counter.builder(DEAD_LETTER_METRIC)
				.description("Records sent to a dead-letter topic, by the topic they were read from")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
		};
		DashboardProperties.Consumer consumer = properties.consumer();
		ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(consumer.retries());
		bounded.setInitialInterval(consumer.initialBackOff().toMillis());
		bounded.setMaxInterval(consumer.maxBackOff().toMillis());
		bounded.setMultiplier(2.0);
		DefaultErrorHandler handler = new DefaultErrorHandler(countingRecoverer, bounded);
		handler.addNotRetryableExceptions(InvalidRecordException.class);
		// The database being away is no fault of the record: wait for it rather than dead-letter good data.
		handler.setBackOffFunction((record, ex) -> isDatabaseUnavailable(ex) ? untilDatabaseIsBack() : null);
		return handler;
	}

	private static boolean isDatabaseUnavailable(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	private static ExponentialBackOff untilDatabaseIsBack() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		return backOff;
	}

	private static ConcurrentKafkaListenerContainerFactory<String, Object> listenerFactory(KafkaProperties kafka,
			ConsumerGroup group, Topic<?> topic, DefaultErrorHandler errorHandler, MeterRegistry meters) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group.id());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		@SuppressWarnings("unchecked")
		ErrorHandlingDeserializer<Object> values = new ErrorHandlingDeserializer<>(
				(org.apache.kafka.common.serialization.Deserializer<Object>) topic.valueSerde().deserializer());
		DefaultKafkaConsumerFactory<String, Object> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), values);
		// Built by hand, so Boot does not bind its metrics: operators need the consumer lag.
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.setCommonErrorHandler(errorHandler);
		return factory;
	}

	/**
	 * The consumer group of this instance's read model.
	 *
	 * @param id the group id
	 */
	record ConsumerGroup(String id) {
	}

	/**
	 * The producers that write to the dead-letter topic, closed with the application context.
	 *
	 * @param bytes forwards unreadable records as the bytes they arrived as
	 * @param json writes readable but unstorable records back as the JSON of the contract
	 */
	record DeadLetterProducers(DefaultKafkaProducerFactory<String, byte[]> bytes,
			DefaultKafkaProducerFactory<String, Object> json) implements DisposableBean {

		Map<Class<?>, KafkaOperations<?, ?>> templates() {
			Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
			templates.put(byte[].class, new KafkaTemplate<>(this.bytes));
			templates.put(Object.class, new KafkaTemplate<>(this.json));
			return templates;
		}

		@Override
		public void destroy() {
			this.bytes.destroy();
			this.json.destroy();
		}

	}

}
