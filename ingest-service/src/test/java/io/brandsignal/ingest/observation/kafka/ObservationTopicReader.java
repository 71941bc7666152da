package io.brandsignal.ingest.observation.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * Reads the observations topic from the start the way scoring does ({@code read_committed}), for tests
 * that check what a request left on it.
 */
public final class ObservationTopicReader {

	private ObservationTopicReader() {
	}

	/**
	 * The committed observations of a brand, in partition order, read until {@code complete} holds for
	 * them or the timeout passes.
	 */
	public static List<ObservationRecorded> readBrand(String bootstrapServers, String brand,
			Predicate<List<ObservationRecorded>> complete) {
		List<ObservationRecorded> found = new ArrayList<>();
		try (KafkaConsumer<String, ObservationRecorded> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				Topics.OBSERVATIONS.keySerde().deserializer(), Topics.OBSERVATIONS.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.OBSERVATIONS.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, ObservationRecorded> record : consumer.poll(Duration.ofMillis(200))) {
					if (brand.equals(record.key())) {
						found.add(record.value());
					}
				}
				return complete.test(found);
			});
		}
		return found;
	}

}
