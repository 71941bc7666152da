package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaObservationPublisherTests {

	private static final PublisherProperties FIVE_SECONDS = new PublisherProperties(Duration.ofSeconds(5),
			Duration.ofSeconds(5), 4, 32, 20_000, DataSize.ofMegabytes(4), "brandsignal-ingest", "");

	@Test
	void boundsEveryProducerWaitByThePublishTimeoutAndPublishesDurably() {
		Map<String, Object> config = KafkaObservationPublisher
			.producerConfig(Map.of("bootstrap.servers", "kafka:9092", "acks", "1", "max.block.ms", 60000), FIVE_SECONDS);
		assertThat(config).containsEntry("bootstrap.servers", "kafka:9092")
			.containsEntry("acks", "all")
			.containsEntry("enable.idempotence", true)
			.containsEntry("linger.ms", 5)
			.containsEntry("batch.size", 65536)
			.containsEntry("retry.backoff.ms", 5)
			.containsEntry("compression.type", "lz4")
			.containsEntry("max.block.ms", 5000)
			.containsEntry("delivery.timeout.ms", 5000)
			// delivery.timeout.ms must be at least linger.ms + request.timeout.ms: 5 + 4995
			.containsEntry("request.timeout.ms", 4995)
			.containsEntry("transaction.timeout.ms", 10000);
	}

	@Test
	void keepsTheApplicationsCompressionSetting() {
		Map<String, Object> config = KafkaObservationPublisher.producerConfig(Map.of("compression.type", "zstd"),
				FIVE_SECONDS);
		assertThat(config).containsEntry("compression.type", "zstd");
	}

	@Test
	void keepsTheApplicationsLingerSetting() {
		Map<String, Object> config = KafkaObservationPublisher.producerConfig(Map.of("linger.ms", "20"), FIVE_SECONDS);
		assertThat(config).containsEntry("linger.ms", "20").containsEntry("request.timeout.ms", 4980);
	}

}
