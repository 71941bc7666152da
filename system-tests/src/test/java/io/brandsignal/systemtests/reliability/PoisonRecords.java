package io.brandsignal.systemtests.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Records no service can use, written straight to every topic a service consumes ({@link Topics}: the
 * observations scoring reads, the scorecards and rollups the dashboard reads), each unreadable or
 * invalid in its own way and marked with a {@value #ID_HEADER} header; and the check that each of them
 * reached the dead-letter topic of the service that read it, with the reason in Spring Kafka's
 * exception-message header.
 */
final class PoisonRecords {

	static final String ID_HEADER = "reliability-poison-id";

	/**
	 * One poison record.
	 * @param id unique, in the {@value #ID_HEADER} header
	 * @param topic where it is written
	 * @param key its key
	 * @param value its value, {@code null} for a tombstone
	 * @param deadLetterTopic where it must end up
	 * @param reason a part of the reason the dead letter must give ({@code ""}: any non-blank reason)
	 */
	record Poison(String id, String topic, String key, byte[] value, String deadLetterTopic, String reason) {
	}

	/** A dead letter as found: its topic and reason. */
	record DeadLetter(String topic, String reason) {
	}

	private PoisonRecords() {
	}

	/** The poison of one scenario; {@code prefix} keeps its ids and brands apart from other runs'. */
	static List<Poison> of(String prefix) {
		String observations = Topics.OBSERVATIONS.name();
		String observationsDlt = Topics.OBSERVATIONS_DEAD_LETTER.name();
		String dashboardDlt = Topics.DASHBOARD_DEAD_LETTER.name();
		String now = Instant.now().toString();
		String brand = prefix + "-poison";
		List<Poison> poison = new ArrayList<>();
		poison.add(new Poison(prefix + "-1", observations, brand, bytes("{\"brand\":\"" + brand + "\", not json"),
				observationsDlt, "unreadable observation"));
		poison.add(new Poison(prefix + "-2", observations, "Not A Slug",
				observation("Not A Slug", "followers", 10, now), observationsDlt, "not a lowercase slug"));
		poison.add(new Poison(prefix + "-3", observations, brand, observation(brand, "followers", -5, now),
				observationsDlt, "outside followers range"));
		poison.add(new Poison(prefix + "-4", observations, brand, observation(brand, "no_such_metric", 1, now),
				observationsDlt, "unknown metric"));
		poison.add(new Poison(prefix + "-5", observations, prefix + "-other",
				observation(brand, "likes", 1, now), observationsDlt, "is not the brand"));
		for (String topic : List.of(Topics.SCORECARDS.name(), Topics.DAILY_ROLLUPS.name())) {
			poison.add(new Poison(prefix + "-" + topic + "-unreadable", topic, brand, bytes("\u0000\u0001 not json"),
					dashboardDlt, ""));
			poison.add(new Poison(prefix + "-" + topic + "-tombstone", topic, brand, null, dashboardDlt, "tombstone"));
		}
		poison.add(new Poison(prefix + "-card-invalid", Topics.SCORECARDS.name(), brand,
				bytes("{\"brand\":\"" + brand + "\",\"windowDays\":28,\"verdict\":\"STEADY\",\"vanityIndex\":0,"
						+ "\"impactScore\":0,\"scoredAt\":\"" + now + "\"}"),
				dashboardDlt, "has no asOf"));
		poison.add(new Poison(prefix + "-rollup-invalid", Topics.DAILY_ROLLUPS.name(), brand,
				bytes("{\"brand\":\"" + brand + "\",\"date\":\"2026-03-01\",\"metrics\":{\"Bad Metric\":1}}"),
				dashboardDlt, "malformed metric name"));
		return poison;
	}

	private static byte[] observation(String brand, String metric, double value, String receivedAt) {
		return bytes("{\"brand\":\"" + brand + "\",\"metric\":\"" + metric
				+ "\",\"channel\":\"poison\",\"date\":\"2026-03-01\",\"value\":" + value + ",\"receivedAt\":\""
				+ receivedAt + "\",\"source\":\"reliability\"}");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Writes the records, each acknowledged by the broker. */
	static void write(String bootstrapServers, List<Poison> poison) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (Poison record : poison) {
				ProducerRecord<String, byte[]> sent = new ProducerRecord<>(record.topic(), record.key(), record.value());
				sent.headers().add(ID_HEADER, bytes(record.id()));
				producer.send(sent);
			}
			producer.flush();
		}
	}

	/** Every poison record found on the dead-letter topics so far, by id. */
	static Map<String, DeadLetter> deadLetters(String bootstrapServers) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, DeadLetter> found = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : List.of(Topics.OBSERVATIONS_DEAD_LETTER.name(), Topics.DASHBOARD_DEAD_LETTER.name())) {
				consumer.partitionsFor(topic, Duration.ofSeconds(10))
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
			while (partitions.stream().anyMatch((p) -> consumer.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Header id = record.headers().lastHeader(ID_HEADER);
					Header reason = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
					if (id != null) {
						found.put(new String(id.value(), StandardCharsets.UTF_8), new DeadLetter(record.topic(),
								(reason != null) ? new String(reason.value(), StandardCharsets.UTF_8) : null));
					}
				}
			}
		}
		return found;
	}

}
