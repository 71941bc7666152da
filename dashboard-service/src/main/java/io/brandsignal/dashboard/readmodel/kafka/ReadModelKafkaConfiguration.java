package io.brandsignal.dashboard.readmodel.kafka;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.brandsignal.contract.metrics.DeadLetterMeter;
import io.brandsignal.contract.topic.Topic;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.DashboardProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.mapping.JacksonJavaTypeMapper.TypePrecedence;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What the read model adds to Boot's Kafka listener setup: the JSON converter that reads each record
 * as the type its listener asks for, and the error handler that sends records which cannot be read or
 * stored to the dashboard's dead-letter topic after a bounded back-off, so they never block the
 * partition. The same handler serves the rollup listener, which takes whole polls: it names the record at
 * fault by its index, and the handler retries or dead-letters that record as it would a single one. Everything else (committed records only, a consumer group per instance, bytes in and out)
 * is in {@code application.yml} under {@code spring.kafka}.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelKafkaConfiguration {

	/**
	 * Values arrive as bytes; each listener's parameter type says what they are read as, never a type
	 * header of the producer (no service depends on another's class names). Boot sets it on its listener
	 * container factory.
	 */
	@Bean
	RecordMessageConverter readModelMessageConverter() {
		ByteArrayJacksonJsonMessageConverter converter = new ByteArrayJacksonJsonMessageConverter();
		converter.getTypeMapper().setTypePrecedence(TypePrecedence.INFERRED);
		return converter;
	}

	/**
	 * Boot sets it on its listener container factory. Dead letters go out through Boot's template, whose
	 * value serializer writes bytes: the record as it arrived, whatever was wrong with it.
	 */
	@Bean
	DefaultErrorHandler readModelErrorHandler(KafkaOperations<Object, Object> template,
			DashboardProperties properties, MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.DASHBOARD_DEAD_LETTER.name(), -1));
		// Registered at zero up front: Prometheus' increase() cannot see a series whose first sample is 1.
		Map<String, Counter> counters = List.of(Topics.SCORECARDS, Topics.DAILY_ROLLUPS, Topics.CAMPAIGNS, Topics.CAMPAIGN_RESULTS)
			.stream()
			.map(Topic::name)
			.collect(Collectors.toMap(Function.identity(), (topic) -> DeadLetterMeter.counter(meters, topic)));
		DashboardProperties.Consumer consumer = properties.consumer();
		ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(consumer.retries());
		bounded.setInitialInterval(consumer.initialBackOff().toMillis());
		bounded.setMaxInterval(consumer.maxBackOff().toMillis());
		bounded.setMultiplier(2.0);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.accept(record, ex);
			counters.get(record.topic()).increment();
		}, bounded);
		handler.addNotRetryableExceptions(InvalidRecordException.class);
		// The database being away is no fault of the record: wait for it rather than dead-letter good data.
		handler.setBackOffFunction((record, ex) -> isDatabaseUnavailable(ex) ? untilDatabaseIsBack() : null);
		return handler;
	}

	/** Whether the database being away (or busy: a deadlock, a lock timeout) is what made storing fail. */
	static boolean isDatabaseUnavailable(Throwable ex) {
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

}
