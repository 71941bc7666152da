package io.brandsignal.scoring.kafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.ScoringApplication;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scoring service against a real broker with {@code exactly_once_v2}: a clean restart and a
 * {@code kill -9} mid-stream, each on the same state directory, end with the scorecards of an
 * uninterrupted run, and poison records go to the dead-letter topic while scoring continues.
 */
class ScoringIntegrationTests {

	private static final LocalDate D0 = LocalDate.parse("2026-01-01");

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private final Path stateDir = createStateDir();

	@AfterEach
	void stop() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly().waitFor();
		}
		this.contexts.forEach(ConfigurableApplicationContext::close);
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

	/**
	 * Days d0..d39 of three brands whose verdicts leave no doubt: a vanity trap (followers double, sales
	 * flat), a brand builder (both double) and a quiet performer (sales double, followers flat).
	 */
	private static List<ObservationRecorded> threeBrands(String trap, String builder, String quiet, int from, int to) {
		IntToDoubleFunction doubling = (day) -> Math.round(1000 * Math.pow(2, day / 39.0));
		List<ObservationRecorded> observations = new ArrayList<>();
		for (int day = from; day < to; day++) {
			observations.add(observation(trap, "followers", day, doubling));
			observations.add(observation(trap, "sales_revenue", day, (d) -> 100));
			observations.add(observation(builder, "followers", day, doubling));
			observations.add(observation(builder, "sales_revenue", day, (d) -> doubling.applyAsDouble(d) / 10));
			observations.add(observation(quiet, "followers", day, (d) -> 1000));
			observations.add(observation(quiet, "sales_revenue", day, (d) -> doubling.applyAsDouble(d) / 10));
		}
		return observations;
	}

	@Test
	void restartMidStreamEndsWithTheScorecardsOfAnUninterruptedRun() {
		String trap = "it-" + this.run + "-trap";
		String builder = "it-" + this.run + "-builder";
		String quiet = "it-" + this.run + "-quiet";
		List<ObservationRecorded> first = threeBrands(trap, builder, quiet, 0, 20);
		List<ObservationRecorded> second = threeBrands(trap, builder, quiet, 20, 40);
		ScorecardReader reader = new ScorecardReader();
		String applicationId = "brandsignal-scoring-it-" + this.run;

		ConfigurableApplicationContext firstRun = start(applicationId);
		send(first);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.latest(trap, builder, quiet).values())
			.extracting(BrandScored::asOf)
			.containsOnly(D0.plusDays(19)));
		firstRun.close();

		// the second half, the first half re-sent, while the service is down
		send(second);
		send(first);
		start(applicationId);

		Map<String, BrandScored> uninterrupted = uninterruptedRun(first, second);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(withoutTime(reader.latest(trap, builder, quiet)))
			.isEqualTo(uninterrupted));
		assertThat(uninterrupted.get(trap).verdict()).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(uninterrupted.get(builder).verdict()).isEqualTo(Verdict.BRAND_BUILDER);
		assertThat(uninterrupted.get(quiet).verdict()).isEqualTo(Verdict.QUIET_PERFORMER);
	}

	@Test
	void killMinus9MidStreamEndsWithTheScorecardsOfAnUninterruptedRun() throws Exception {
		String trap = "it-" + this.run + "-ktrap";
		String builder = "it-" + this.run + "-kbuilder";
		String quiet = "it-" + this.run + "-kquiet";
		List<ObservationRecorded> first = threeBrands(trap, builder, quiet, 0, 20);
		List<ObservationRecorded> second = threeBrands(trap, builder, quiet, 20, 40);
		ScorecardReader reader = new ScorecardReader();
		String applicationId = "brandsignal-scoring-it-" + this.run;

		Process firstRun = startProcess(applicationId, "first");
		send(first);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.latest(trap, builder, quiet).values())
			.extracting(BrandScored::asOf)
			.containsOnly(D0.plusDays(19)));
		send(second);
		send(first);
		// SIGKILL while the second half is being processed: no clean shutdown, an open transaction
		firstRun.destroyForcibly().waitFor();

		startProcess(applicationId, "second");
		Map<String, BrandScored> uninterrupted = uninterruptedRun(first, second);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(withoutTime(reader.latest(trap, builder, quiet)))
			.isEqualTo(uninterrupted));
	}

	/** The service in a JVM of its own, so it can be killed like a crashed pod. */
	private Process startProcess(String applicationId, String name) throws IOException {
		Path log = this.stateDir.resolveSibling(this.stateDir.getFileName() + "-" + name + ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), ScoringApplication.class.getName(),
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
				"--spring.kafka.streams.application-id=" + applicationId,
				"--spring.kafka.streams.state-dir=" + this.stateDir, "--server.port=0",
				"--brandsignal.scoring.recompute-interval=200ms",
				"--spring.kafka.streams.properties.session.timeout.ms=6000", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	@Test
	void deadLettersPoisonRecordsAndKeepsScoring() throws Exception {
		String brand = "it-" + this.run + "-poison";
		ConfigurableApplicationContext context = start("brandsignal-scoring-it-" + this.run);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), brand,
					"{\"brand\": oops".getBytes(StandardCharsets.UTF_8)));
			producer.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), brand,
					Topics.OBSERVATIONS.valueSerde()
						.serializer()
						.serialize("", new ObservationRecorded(brand, "shoe_size", "all", D0, 42, Instant.now(), "it"))));
		}
		List<ObservationRecorded> valid = new ArrayList<>();
		// followers double while sales stay flat: a vanity trap
		for (int day = 0; day < 28; day++) {
			valid.add(observation(brand, "followers", day, (d) -> Math.round(1000 * Math.pow(2, d / 27.0))));
			valid.add(observation(brand, "sales_revenue", day, (d) -> 100));
		}
		send(valid);

		ScorecardReader scorecards = new ScorecardReader();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(scorecards.latest(brand).get(brand).verdict())
				.isEqualTo(Verdict.VANITY_TRAP));
		Map<String, String> reasons = new ConcurrentHashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = partitions(consumer, Topics.OBSERVATIONS_DEAD_LETTER.name());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(PATIENCE).untilAsserted(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (brand.equals(record.key())) {
						reasons.put(new String(record.value(), StandardCharsets.UTF_8), new String(
								record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8));
					}
				}
				assertThat(reasons).hasSize(2);
			});
		}
		assertThat(reasons).containsKey("{\"brand\": oops");
		assertThat(reasons.values()).contains("unknown metric 'shoe_size'");
		Properties streamsConfig = context.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
		assertThat(streamsConfig).containsEntry("processing.guarantee", "exactly_once_v2")
			.containsEntry("state.dir", this.stateDir.toString());
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get("brandsignal.deadletter.records").tag("topic", Topics.OBSERVATIONS.name()).counter()
			.count()).isEqualTo(2);
		// this instance reads the shared broker's observations topic from its start, other test classes' included
		assertThat(registry.get("brandsignal.scoring.observations.processed").counter().count())
			.isGreaterThanOrEqualTo(56);
		assertThat(registry.get("brandsignal.scoring.scorecards.emitted").counter().count()).isPositive();

		String port = context.getEnvironment().getProperty("local.server.port");
		HttpClient http = HttpClient.newHttpClient();
		String prometheus = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(prometheus).contains("brandsignal_deadletter_records_total{application=\"scoring-service\"")
			.contains("brandsignal_scoring_scorecards_emitted_total")
			.contains("kafka_stream_");
		HttpResponse<String> readiness = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
	}

	private ConfigurableApplicationContext start(String applicationId) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScoringApplication.class)
			.initializers(new KafkaTestInfrastructure())
			.run("--spring.kafka.streams.application-id=" + applicationId,
					"--spring.kafka.streams.state-dir=" + this.stateDir, "--server.port=0",
					"--brandsignal.scoring.recompute-interval=200ms",
					// a restarted instance waits out its old membership's session before the rebalance
					"--spring.kafka.streams.properties.session.timeout.ms=6000");
		this.contexts.add(context);
		return context;
	}

	private static ObservationRecorded observation(String brand, String metric, int day, IntToDoubleFunction value) {
		// one receivedAt per cell: a re-send is the very same observation
		return new ObservationRecorded(brand, metric, "all", D0.plusDays(day), value.applyAsDouble(day),
				Instant.parse("2026-03-01T00:00:00Z").plusSeconds(day), "it");
	}

	private static Map<String, BrandScored> uninterruptedRun(List<ObservationRecorded> first,
			List<ObservationRecorded> second) {
		try (ScoringTopologyHarness harness = new ScoringTopologyHarness()) {
			harness.send(first).send(second).recompute();
			return withoutTime(harness.latestScorecards());
		}
	}

	private static Map<String, BrandScored> withoutTime(Map<String, BrandScored> scorecards) {
		Map<String, BrandScored> result = new TreeMap<>();
		scorecards.forEach((brand, card) -> result.put(brand, ScoringTopologyHarness.withoutTime(card)));
		return result;
	}

	private static void send(List<ObservationRecorded> observations) {
		try (KafkaProducer<String, ObservationRecorded> producer = new KafkaProducer<>(producerConfig(),
				new StringSerializer(), Topics.OBSERVATIONS.valueSerde().serializer())) {
			observations.forEach((observation) -> producer
				.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), observation.brand(), observation)));
		}
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	private static <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values);
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		return consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
	}

	private static Path createStateDir() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "scoring-it-state");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Reads the committed scorecards topic from the start, keeping the latest scorecard per brand. */
	private static final class ScorecardReader {

		private final Map<String, BrandScored> latest = new ConcurrentHashMap<>();

		Map<String, BrandScored> latest(String... brands) {
			try (KafkaConsumer<String, BrandScored> consumer = consumer(Topics.SCORECARDS.valueSerde().deserializer())) {
				List<TopicPartition> partitions = partitions(consumer, Topics.SCORECARDS.name());
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
				while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
					consumer.poll(Duration.ofMillis(200)).forEach((record) -> this.latest.put(record.key(), record.value()));
				}
			}
			Map<String, BrandScored> wanted = new TreeMap<>();
			for (String brand : brands) {
				BrandScored card = this.latest.get(brand);
				assertThat(card).as("scorecard of " + brand).isNotNull();
				wanted.put(brand, card);
			}
			return wanted;
		}

	}

}
