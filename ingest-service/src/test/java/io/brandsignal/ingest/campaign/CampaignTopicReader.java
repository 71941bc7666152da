package io.brandsignal.ingest.campaign;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads the campaigns topic from the start the way scoring does ({@code read_committed}), for tests that
 * check what a request left on it: each record's value as the JSON text on the wire, {@code null} for a
 * tombstone.
 */
final class CampaignTopicReader {

	private CampaignTopicReader() {
	}

	/**
	 * The values under one key, in partition order, read until {@code complete} holds for them or the
	 * timeout passes.
	 */
	static List<String> readKey(String bootstrapServers, String key, Predicate<List<String>> complete) {
		List<String> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAMPAIGNS.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add((record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null);
					}
				}
				return complete.test(found);
			});
		}
		return found;
	}

}
