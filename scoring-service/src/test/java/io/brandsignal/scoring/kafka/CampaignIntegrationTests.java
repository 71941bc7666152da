package io.brandsignal.scoring.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.ScoringApplication;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scoring service publishes a campaign's result on a real broker: the campaign, keyed {@code brand|id} by
 * the default partitioner, reaches the task that holds its brand's ledger through the re-partition by brand
 * (with the topics' several partitions a wrong placement would publish nothing), and a deletion publishes the
 * tombstone.
 */
class CampaignIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Path stateDir = createStateDir();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

	@Test
	void publishesTheCampaignResultAndItsTombstone() {
		String brand = "it-" + this.run + "-promo";
		this.context = new SpringApplicationBuilder(ScoringApplication.class).initializers(new KafkaTestInfrastructure())
			.run("--spring.kafka.streams.application-id=brandsignal-scoring-it-" + this.run,
					"--spring.kafka.streams.state-dir=" + this.stateDir, "--server.port=0",
					"--brandsignal.scoring.recompute-interval=200ms");
		Instant receivedAt = Instant.parse("2026-06-01T00:00:00Z");
		CampaignDefined campaign = CampaignScenario.campaign(brand, "spring-promo", "Spring promotion",
				CampaignScenario.START, CampaignScenario.END, receivedAt);
		List<ObservationRecorded> data = CampaignScenario.brandData(brand, 0, 139, CampaignScenario.STEP,
				(name, metric, channel, date, value) -> new ObservationRecorded(name, metric, channel, date, value,
						receivedAt, "it"));
		try (KafkaProducer<String, CampaignDefined> campaigns = new KafkaProducer<>(producerConfig(),
				new StringSerializer(), Topics.CAMPAIGNS.valueSerde().serializer());
				KafkaProducer<String, ObservationRecorded> observations = new KafkaProducer<>(producerConfig(),
						new StringSerializer(), Topics.OBSERVATIONS.valueSerde().serializer())) {
			campaigns.send(new ProducerRecord<>(Topics.CAMPAIGNS.name(), campaign.key(), campaign));
			data.forEach((observation) -> observations
				.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), observation.brand(), observation)));
			campaigns.flush();
			observations.flush();

			try (KafkaConsumer<String, CampaignScored> results = new KafkaConsumer<>(Map.of(
					ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
					ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
					false), new StringDeserializer(), Topics.CAMPAIGN_RESULTS.valueSerde().deserializer())) {
				List<TopicPartition> partitions = results.partitionsFor(Topics.CAMPAIGN_RESULTS.name())
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				results.assign(partitions);
				results.seekToBeginning(partitions);
				List<CampaignScored> published = new ArrayList<>();
				await().atMost(PATIENCE).untilAsserted(() -> {
					results.poll(Duration.ofMillis(200))
						.forEach((record) -> {
							if (record.key().equals(campaign.key())) {
								published.add(record.value());
							}
						});
					assertThat(published).last().isNotNull();
					assertThat(published.get(published.size() - 1).verdict()).isEqualTo(CampaignVerdict.MOVED_OUTCOMES);
				});

				campaigns.send(new ProducerRecord<>(Topics.CAMPAIGNS.name(), campaign.key(), null));
				campaigns.flush();
				await().atMost(PATIENCE).untilAsserted(() -> {
					results.poll(Duration.ofMillis(200))
						.forEach((record) -> {
							if (record.key().equals(campaign.key())) {
								published.add(record.value());
							}
						});
					assertThat(published).last().isNull();
				});
			}
		}
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	private static Path createStateDir() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "campaign-it-state");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
