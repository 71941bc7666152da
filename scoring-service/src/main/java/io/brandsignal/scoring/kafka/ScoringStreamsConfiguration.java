package io.brandsignal.scoring.kafka;

import java.time.Clock;
import java.time.Duration;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ScoringProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Wires the scoring topology into Spring Kafka's Streams support. The topology dead-letters unreadable
 * and invalid observations itself, inside its transactions, so no deserialization exception handler is
 * needed. Several instances share the observation partitions (docs/operations.md, "Scale-out and
 * sizing"): exactly-once v2 keeps a partition's changes from being lost or applied twice when it moves
 * between them.
 */
@Configuration(proxyBeanMethods = false)
class ScoringStreamsConfiguration {

	@Bean
	ScoringMetrics scoringMetrics(MeterRegistry registry) {
		return new ScoringMetrics(registry);
	}

	@Bean
	KStream<String, byte[]> scoringTopology(StreamsBuilder builder, MetricCatalog catalog,
			ScoringProperties properties, ScoringMetrics metrics) {
		return ScoringTopology.build(builder, catalog, properties.rules(), properties.campaigns(),
				new ScoringTopology.Schedule(properties.recomputeQuietPeriod(), properties.recomputeInterval(),
						properties.maxRecomputeDelay()),
				properties.cachedBrands(), metrics, ScoringTopology.Storage.PERSISTENT);
	}

	/**
	 * An instance that stops gracefully leaves the consumer group at once, so the others take over its
	 * partitions in the next rebalance rather than after the session timeout (Kafka Streams stays in the
	 * group on close unless told otherwise). Restores of state stores are logged, so an operator sees how
	 * long a new or wiped instance takes before it scores, and so are standby copies until they catch up.
	 * A stream thread that dies is replaced ({@link StreamThreadRecovery}).
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer scaleOutConfigurer() {
		RestoreLog restoreLog = new RestoreLog();
		return (factoryBean) -> {
			factoryBean.setLeaveGroupOnClose(true);
			factoryBean.setStreamsUncaughtExceptionHandler(
					new StreamThreadRecovery(3, Duration.ofMinutes(10), Clock.systemUTC()));
			factoryBean.setStateRestoreListener(restoreLog);
			factoryBean.setKafkaStreamsCustomizer((streams) -> streams.setStandbyUpdateListener(restoreLog));
		};
	}

}
