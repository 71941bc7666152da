package io.brandsignal.dashboard.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rollups stored a poll at a time: a record at fault among valid ones goes to the dead-letter topic alone,
 * and every valid record around it is stored.
 */
class RollupBatchIntegrationTests extends AbstractDashboardIntegrationTests {

	private static final String KEY = "batched";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void storesEveryValidRollupAroundAPoisonRecordAndDeadLettersOnlyThePoison() throws Exception {
		byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
		// One key, so one partition and one order; one producer batch, so most likely one poll.
		List<byte[]> values = new ArrayList<>();
		values.add(bytes(Fixtures.rollup(KEY, "2026-11-16", Map.of("followers", 1.0))));
		values.add(bytes(Fixtures.rollup(KEY, "2026-11-17", Map.of("followers", 2.0))));
		values.add(poison);
		values.add(bytes(Fixtures.rollup(KEY, "2026-11-18", Map.of("followers", 3.0))));
		values.add(bytes(Fixtures.rollup(KEY, "2026-11-19", Map.of("followers", 4.0, "sales_revenue", 5.0))));
		sendTogether(KEY, values);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(storedValues(KEY)).containsExactly("2026-11-16 followers 1.0",
					"2026-11-17 followers 2.0", "2026-11-18 followers 3.0", "2026-11-19 followers 4.0",
					"2026-11-19 sales_revenue 5.0"));
		// The dead letter is written before the records after it are delivered again, so it is there now.
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersNow(KEY);
		assertThat(deadLetters).hasSize(1);
		assertThat(deadLetters.get(0).value()).isEqualTo(poison);
		assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-original-topic").value(),
				StandardCharsets.UTF_8))
			.isEqualTo(Topics.DAILY_ROLLUPS.name());
		assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("Rollup cannot be read");
	}

	@Test
	void storesTheValidRollupsAroundATombstoneAndARollupWithoutBrandAndDeadLettersThoseTwo() throws Exception {
		String key = "batched-tombstone";
		List<byte[]> values = new ArrayList<>();
		values.add(bytes(Fixtures.rollup(key, "2026-11-17", Map.of("followers", 2.0))));
		values.add(null);
		values.add(bytes(Fixtures.rollup(key, "2026-11-18", Map.of("followers", 3.0))));
		values.add(bytes(Fixtures.rollup(null, "2026-11-18", Map.of("followers", 30.0))));
		values.add(bytes(Fixtures.rollup(key, "2026-11-19", Map.of("followers", 4.0))));
		sendTogether(key, values);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(storedValues(key)).containsExactly("2026-11-17 followers 2.0",
					"2026-11-18 followers 3.0", "2026-11-19 followers 4.0"));
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersNow(key);
		assertThat(deadLetters).extracting((record) -> new String(
				record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
			.satisfiesExactly((reason) -> assertThat(reason).contains("tombstone"),
					(reason) -> assertThat(reason).contains("Brand is missing"));
		assertThat(deadLetters.get(0).value()).isNull();
	}

	private static byte[] bytes(DailyRollup rollup) {
		return Topics.DAILY_ROLLUPS.valueSerde().serializer().serialize(Topics.DAILY_ROLLUPS.name(), rollup);
	}

	private static void sendTogether(String key, List<byte[]> values) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 200);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (byte[] value : values) {
				sent.add(producer.send(new ProducerRecord<>(Topics.DAILY_ROLLUPS.name(), key, value)));
			}
			for (Future<RecordMetadata> each : sent) {
				each.get(10, TimeUnit.SECONDS);
			}
		}
	}

	private List<String> storedValues(String brand) {
		return this.jdbc
			.sql("SELECT day, metric, value FROM daily_metric_value WHERE brand = :brand ORDER BY day, metric")
			.param("brand", brand)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3))
			.list();
	}

}
