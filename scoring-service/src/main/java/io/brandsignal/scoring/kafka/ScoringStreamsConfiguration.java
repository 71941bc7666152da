package io.brandsignal.scoring.kafka;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ScoringProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the scoring topology into Spring Kafka's Streams support. The topology dead-letters unreadable
 * and invalid observations itself, inside its transactions, so no deserialization exception handler is
 * needed.
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
		return ScoringTopology.build(builder, catalog, properties.rules(),
				new ScoringTopology.Schedule(properties.recomputeQuietPeriod(), properties.recomputeInterval(),
						properties.maxRecomputeDelay()),
				properties.cachedBrands(), metrics);
	}

}
