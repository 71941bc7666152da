package io.brandsignal.ingest.campaign.kafka;

import java.time.Duration;
import java.util.Map;

import io.brandsignal.ingest.observation.PublishFailedException;
import io.brandsignal.ingest.observation.kafka.PublisherProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaCampaignPublisherTests {

	@Test
	void refusesWithRetryAdviceWhenNoBrokerAcknowledgesWithinThePublishTimeout() {
		// Nothing listens on port 1: the producer never learns the topic's partitions.
		PublisherProperties halfASecond = new PublisherProperties(Duration.ofMillis(500), Duration.ofSeconds(3), 1, 1,
				1, DataSize.ofKilobytes(1), "brandsignal-ingest", "");
		KafkaCampaignPublisher publisher = new KafkaCampaignPublisher(Map.of("bootstrap.servers", "127.0.0.1:1"),
				halfASecond, new SimpleMeterRegistry());
		try {
			assertThatExceptionOfType(PublishFailedException.class)
				.isThrownBy(() -> publisher.publish("acme|spring", null))
				.withMessageContaining("send it again later (a campaign sent again replaces itself)")
				.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
		}
		finally {
			publisher.destroy();
		}
	}

}
