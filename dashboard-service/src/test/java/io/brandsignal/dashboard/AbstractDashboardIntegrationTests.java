package io.brandsignal.dashboard;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.PostgresTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole dashboard against the real test broker and a real PostgreSQL, shared by the integration
 * tests of each concern (one application context for all of them): records are produced as scoring
 * publishes them, and the dashboard is read over HTTP as a browser or API client does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { KafkaTestInfrastructure.class, PostgresTestInfrastructure.class })
public abstract class AbstractDashboardIntegrationTests {

	protected static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	protected static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");

	private static KafkaProducer<String, byte[]> producer;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void closeProducer() {
		producer.close(Duration.ofSeconds(5));
	}

	protected void send(BrandScored scorecard) throws Exception {
		send(scorecard.brand(), scorecard);
	}

	protected void send(String key, BrandScored scorecard) throws Exception {
		send(Topics.SCORECARDS.name(), key,
				Topics.SCORECARDS.valueSerde().serializer().serialize(Topics.SCORECARDS.name(), scorecard));
	}

	protected void send(DailyRollup rollup) throws Exception {
		send(Topics.DAILY_ROLLUPS.name(), DailyRollup.key(rollup.brand(), rollup.date()),
				Topics.DAILY_ROLLUPS.valueSerde().serializer().serialize(Topics.DAILY_ROLLUPS.name(), rollup));
	}

	/** Sends a record as it is, bytes and all (a tombstone when {@code value} is {@code null}). */
	protected void send(String topic, String key, byte[] value) throws Exception {
		producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
	}

	/** The dashboard's dead letters of the key, once there are at least {@code expected} of them. */
	protected List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
			consumer.subscribe(List.of(Topics.DASHBOARD_DEAD_LETTER.name()));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
				return found.size() >= expected;
			});
		}
		return found;
	}

	/** The dashboard's dead letters of the key that the topic holds now. */
	protected List<ConsumerRecord<String, byte[]>> deadLettersNow(String key) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = deadLetterReader()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.DASHBOARD_DEAD_LETTER.name())
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return found;
	}

	private static KafkaConsumer<String, byte[]> deadLetterReader() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** A request of the test login, with HTTP Basic. */
	protected HttpResponse<String> get(String path) throws Exception {
		return this.http.send(authorized(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request without credentials. */
	protected HttpResponse<String> anonymous(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	protected HttpRequest.Builder authorized(String path) {
		String credentials = Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(30));
	}

	protected HttpClient http() {
		return this.http;
	}

	/** Reads a live stream while the test acts, every line as it comes. */
	protected void withStream(HttpRequest request, StreamTest test) throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpResponse<Stream<String>> stream = http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
			.get(10, TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach(lines::add);
			}
			catch (UncheckedIOException ex) {
				// the test closes the stream when it is done
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));
			test.run(lines);
		}
		finally {
			stream.body().close();
		}
	}

	/** What a test does while its live stream is read. */
	protected interface StreamTest {

		void run(List<String> lines) throws Exception;

	}

}
