package io.brandsignal.dashboard.readmodel;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.PostgresTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model against the real test broker and a real PostgreSQL: what scoring publishes shows in
 * the API, replays change nothing, poison records go to the dead-letter topic without stopping the
 * consumer, and every change reaches the server-sent event stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { KafkaTestInfrastructure.class, PostgresTestInfrastructure.class })
class ReadModelIntegrationTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static KafkaProducer<String, byte[]> producer;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ScorecardStore scorecardStore;

	@Autowired
	private RollupStore rollupStore;

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

	@Test
	void storesNewerScorecardsAndIgnoresReplaysAndOlderOnes() throws Exception {
		send(Fixtures.scorecard("replayed", Verdict.VANITY_TRAP, T2));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/replayed/scorecard").body())
				.contains("\"verdict\":\"VANITY_TRAP\""));
		Instant firstUpdate = updatedAt("replayed");

		send(Fixtures.scorecard("replayed", Verdict.VANITY_TRAP, T2));
		send(Fixtures.scorecard("replayed", Verdict.BRAND_BUILDER, T1));
		// An unstorable record on the same key (so the same partition) marks when the two above were processed.
		send("replayed", new BrandScored(null, null, 28, Verdict.STEADY, null, null, null, null, null, null, 0, 0,
				List.of(), null,
				List.of(), "", T1));
		deadLetters("replayed", 1);

		assertThat(get("/api/v1/brands/replayed/scorecard").body()).contains("\"verdict\":\"VANITY_TRAP\"")
			.contains("\"scoredAt\":\"2026-11-20T11:00:00Z\"");
		assertThat(updatedAt("replayed")).isEqualTo(firstUpdate);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scorecard WHERE brand = 'replayed'").query(Long.class).single())
			.isEqualTo(1);

		send(Fixtures.scorecard("replayed", Verdict.BRAND_BUILDER, 60.0, 20.0, 40.0, 70.0, T2.plusSeconds(60)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/replayed/scorecard").body())
				.contains("\"verdict\":\"BRAND_BUILDER\"")
				.contains("\"scoredAt\":\"2026-11-20T11:01:00Z\""));
	}

	@Test
	void keepsRollupValuesUnchangedWhenReplayedAndReplacesADayWithItsLatestRollup() throws Exception {
		DailyRollup first = Fixtures.rollup("rolled", "2026-11-19", Map.of("followers", 100.0, "sales_revenue", 10.0));
		send(first);
		send(first);
		send(Fixtures.rollup("rolled", "2026-11-20", Map.of("followers", 110.0, "sales_revenue", 12.0)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(storedValues("rolled")).hasSize(4));
		send(Fixtures.rollup("rolled", "2026-11-20", Map.of("followers", 120.0)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(storedValues("rolled")).containsExactly("2026-11-19 followers 100.0",
					"2026-11-19 sales_revenue 10.0", "2026-11-20 followers 120.0"));

		String series = get("/api/v1/brands/rolled/series?from=2026-11-19&to=2026-11-20").body();
		// followers 100 -> 120 is index 120; sales_revenue only on the first day stays at 100.
		assertThat(series).contains("\"indexed\":{\"audience\":[100.0,120.0],\"outcomes\":[100.0,100.0]}");
	}

	@Test
	void showsEveryNewScorecardOnTheKeptBrandPage() throws Exception {
		send(Fixtures.scorecard("paged", Verdict.VANITY_TRAP, T1));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/brands/paged").body()).contains(">Vanity trap</span>"));

		String first = get("/brands/paged").body();
		String second = get("/brands/paged").body();
		assertThat(second).containsPattern("href=\"/assets/css/app-[0-9a-f]{32}\\.css\"")
			.isEqualTo(first.replace(csrfField(first), csrfField(second)));

		send(Fixtures.scorecard("paged", Verdict.BRAND_BUILDER, T2));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/brands/paged").body()).contains(">Brand builder</span>")
				.doesNotContain(">Vanity trap</span>"));
	}

	@Test
	void observesRequestsAndLoginsButNotEachSecurityFilter() throws Exception {
		assertThat(get("/api/v1/brands").statusCode()).isEqualTo(200);

		assertThat(anonymous("/actuator/prometheus").body())
			.contains("http_server_requests_seconds_count{application=\"dashboard-service\"")
			.contains("spring_security_authentications_seconds_count")
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authorizations");
	}

	@Test
	void sendsPoisonRecordToDeadLetterTopicAndKeepsConsumingThePartition() throws Exception {
		byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
		producer.send(new ProducerRecord<>(Topics.SCORECARDS.name(), "poisoned", poison)).get(10, TimeUnit.SECONDS);
		BrandScored noBrand = new BrandScored(null, null, 28, Verdict.STEADY, null, null, null, null, null, null, 0, 0,
				List.of(), null,
				List.of(), "", T1);
		send("poisoned", noBrand);
		send(Fixtures.scorecard("poisoned", Verdict.QUIET_PERFORMER, T1));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/poisoned/scorecard").body())
				.contains("\"verdict\":\"QUIET_PERFORMER\""));
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters("poisoned", 2);
		assertThat(deadLetters.get(0).value()).isEqualTo(poison);
		assertThat(new String(deadLetters.get(0).headers().lastHeader("kafka_dlt-original-topic").value(),
				StandardCharsets.UTF_8))
			.isEqualTo(Topics.SCORECARDS.name());
		assertThat(new String(deadLetters.get(1).headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("Brand is missing");
		assertThat(get("/actuator/prometheus").body())
			.containsPattern("brandsignal_deadletter_records_total\\{application=\"dashboard-service\",topic=\""
					+ "brandsignal.scorecards.v2\"} [2-9]");
	}

	@Test
	void showsWhatAnotherInstanceSharingTheDatabaseStoredFirst() throws Exception {
		send(Fixtures.scorecard("shared", Verdict.VANITY_TRAP, T1));
		send(Fixtures.rollup("shared", "2026-11-19", Map.of("followers", 100.0)));
		send(Fixtures.rollup("shared", "2026-11-20", Map.of("followers", 110.0)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/brands/shared").body()).contains("Vanity trap");
			assertThat(get("/api/v1/brands/shared/series?from=2026-11-19&to=2026-11-20").body())
				.contains("\"audience\":[100.0,110.0]");
		});

		// Another dashboard instance consumes the next records first and stores them in the shared database.
		BrandScored rescored = Fixtures.scorecard("shared", Verdict.BRAND_BUILDER, T2);
		DailyRollup corrected = Fixtures.rollup("shared", "2026-11-20", Map.of("followers", 120.0));
		this.scorecardStore.upsert(rescored);
		this.rollupStore.upsert(corrected);
		// This instance then consumes the same records, which change no row here.
		send(rescored);
		send(corrected);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/brands/shared").body()).contains("Brand builder").doesNotContain("Vanity trap");
			assertThat(get("/api/v1/brands/shared/scorecard").body()).contains("\"verdict\":\"BRAND_BUILDER\"");
			assertThat(get("/api/v1/brands/shared/series?from=2026-11-19&to=2026-11-20").body())
				.contains("\"audience\":[100.0,120.0]");
		});
	}

	@Test
	void pushesEveryScorecardChangeToServerSentEventStream() throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = authorized("/api/v1/stream").header("Accept", "text/event-stream").build();
		HttpResponse<Stream<String>> stream = this.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
			.get(10, TimeUnit.SECONDS);
		Thread reader = new Thread(() -> stream.body().forEach(lines::add));
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));
			send(Fixtures.scorecard("streamed", Verdict.BRAND_BUILDER, T1));
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines).contains("event:scorecard")
				.anySatisfy((line) -> assertThat(line).startsWith("data:")
					.contains("\"brand\":\"streamed\"")
					.contains("\"verdict\":\"BRAND_BUILDER\"")));
		}
		finally {
			stream.body().close();
		}
	}

	@Test
	void exportsBusinessGaugesForEveryVerdictAndBrand() throws Exception {
		send(Fixtures.scorecard("gauged", Verdict.DECLINING, 0.0, -20.0, 30.0, 12.5, T1));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String metrics = anonymous("/actuator/prometheus").body();
			assertThat(metrics).contains("brandsignal_brand_impact_score{application=\"dashboard-service\",brand=\"gauged\"} 12.5")
				.contains("brandsignal_brand_vanity_index{application=\"dashboard-service\",brand=\"gauged\"} 30.0")
				.contains("brandsignal_brands_by_verdict{application=\"dashboard-service\",verdict=\"INSUFFICIENT_DATA\"} 0.0")
				.containsPattern("brandsignal_brands_by_verdict\\{application=\"dashboard-service\",verdict=\"DECLINING\"} [1-9]");
		});
	}

	@Test
	void servesHealthAndPrometheusWithoutCredentialsAndEverythingElseOnlyWithThem() throws Exception {
		assertThat(anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(anonymous("/actuator/prometheus").body()).contains("brandsignal_brands_by_verdict");
		assertThat(anonymous("/api/v1/brands").statusCode()).isEqualTo(401);
		assertThat(anonymous("/v3/api-docs").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/brands").statusCode()).isEqualTo(200);
	}

	@Test
	void describesTheApiWithOpenApi() throws Exception {
		HttpResponse<String> apiDocs = get("/v3/api-docs");

		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/api/v1/brands\"", "\"/api/v1/brands/{brand}/scorecard\"",
				"\"/api/v1/brands/{brand}/series\"", "\"/api/v1/brands/{brand}/series.csv\"", "\"/api/v1/stream\"",
				"\"vanityMarginPercent\"", "\"vanitySummary\"", "Audience: unknown — no audience metric reported",
				"\"elasticityLow\"", "\"effect\"");
	}

	private static String csrfField(String page) {
		Matcher field = CSRF_FIELD.matcher(page);
		assertThat(field.find()).as("a hidden _csrf field").isTrue();
		return field.group(1);
	}

	private HttpResponse<String> anonymous(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void send(BrandScored scorecard) throws Exception {
		send(scorecard.brand(), scorecard);
	}

	private void send(String key, BrandScored scorecard) throws Exception {
		byte[] value = Topics.SCORECARDS.valueSerde().serializer().serialize(Topics.SCORECARDS.name(), scorecard);
		producer.send(new ProducerRecord<>(Topics.SCORECARDS.name(), key, value)).get(10, TimeUnit.SECONDS);
	}

	private void send(DailyRollup rollup) throws InterruptedException, ExecutionException, TimeoutException {
		byte[] value = Topics.DAILY_ROLLUPS.valueSerde().serializer().serialize(Topics.DAILY_ROLLUPS.name(), rollup);
		producer
			.send(new ProducerRecord<>(Topics.DAILY_ROLLUPS.name(), DailyRollup.key(rollup.brand(), rollup.date()), value))
			.get(10, TimeUnit.SECONDS);
	}

	private List<String> storedValues(String brand) {
		return this.jdbc
			.sql("SELECT day, metric, value FROM daily_metric_value WHERE brand = :brand ORDER BY day, metric")
			.param("brand", brand)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3))
			.list();
	}

	private Instant updatedAt(String brand) {
		return this.jdbc.sql("SELECT updated_at FROM scorecard WHERE brand = :brand")
			.param("brand", brand)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
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

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(authorized(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder authorized(String path) {
		String credentials = Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(30));
	}

}
