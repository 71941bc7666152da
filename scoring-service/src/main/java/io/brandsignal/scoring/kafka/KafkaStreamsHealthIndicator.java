package io.brandsignal.scoring.kafka;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reports the Kafka Streams state: up while running or rebalancing, down once it has failed or
 * stopped. Part of the readiness group, so a failed topology takes the instance out of service.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

	private final StreamsBuilderFactoryBean factoryBean;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
		this.factoryBean = factoryBean;
	}

	@Override
	public Health health() {
		KafkaStreams streams = this.factoryBean.getKafkaStreams();
		if (streams == null) {
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = streams.state();
		Health.Builder health = switch (state) {
			case CREATED, REBALANCING, RUNNING -> Health.up();
			default -> Health.down();
		};
		return health.withDetail("state", state.name()).build();
	}

}
