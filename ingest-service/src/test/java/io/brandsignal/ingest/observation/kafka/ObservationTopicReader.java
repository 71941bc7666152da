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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the start the way scoring does ({@code read_committed}), for tests that check what
 * a request left on it: the observations of a brand, or the values under any key.
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
		return readKey(bootstrapServers, Topics.OBSERVATIONS.name(), brand,
				Topics.OBSERVATIONS.valueSerde().deserializer(), complete);
	}

	/**
	 * The committed values under one key of a topic, in partition order ({@code null} for a tombstone), read
	 * until {@code complete} holds for them or the timeout passes.
	 */
	public static <V> List<V> readKey(String bootstrapServers, String topic, String key, Deserializer<V> values,
			Predicate<List<V>> complete) {
		List<V> found = new ArrayList<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record.value());
					}
				}
				return complete.test(found);
			});
		}
		return found;
	}

}
