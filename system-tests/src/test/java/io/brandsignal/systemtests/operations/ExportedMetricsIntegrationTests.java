package io.brandsignal.systemtests.operations;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.brandsignal.contract.topic.Topics;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metric names the Grafana dashboards and alert rules use are names the running services really
 * export on {@code /actuator/prometheus}, and each service exports the metrics the team agreed on. The
 * stack is first driven through everything that creates a metric lazily: an accepted batch, a rejected
 * one, an unauthorised one, and an unreadable record on each topic a service dead-letters.
 */
class ExportedMetricsIntegrationTests {

	private static final LocalDate START = LocalDate.of(2026, 9, 1);

	private static final String INGEST = "ingest-service";

	private static final String SCORING = "scoring-service";

	private static final String DASHBOARD = "dashboard-service";

	private static LocalStack stack;

	@BeforeAll
	static void driveTheStackThroughEveryMetric() throws Exception {
		stack = SystemTestStack.get();
		String accepted = new ObservationsJson()
			.daily("ops-metrics", "followers", "instagram", START, 14, (day) -> 500 + 10 * day)
			.daily("ops-metrics", "sales_revenue", "shop", START, 14, (day) -> 40)
			.toString();
		assertThat(SystemTestStack.postObservations(stack, accepted).statusCode()).isEqualTo(202);
		String invalid = new ObservationsJson().daily("ops-metrics", "followers", "instagram", START, 1, (day) -> -1)
			.toString();
		assertThat(SystemTestStack.postObservations(stack, invalid).statusCode()).isEqualTo(422);
		assertThat(SystemTestStack.send(HttpRequest.newBuilder(stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(accepted))
			.build()).statusCode()).isEqualTo(401);
		sendUnreadableRecords(Topics.OBSERVATIONS.name(), Topics.SCORECARDS.name());
	}

	@Test
	void everyMetricTheDashboardsAndAlertsUseIsExported() {
		Set<String> used = MonitoringQueries.exportedMetricNamesUsed();
		assertThat(used).as("metric names read from the dashboards and alert rules").isNotEmpty();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Set<String> exported = new TreeSet<>();
			scrapeAll().values().forEach((metrics) -> exported.addAll(metrics.names()));
			Set<String> missing = new TreeSet<>(used);
			missing.removeAll(exported);
			assertThat(missing).as("used by %s but exported by no service", usersOf(missing)).isEmpty();
		});
	}

	@Test
	void eachServiceExportsTheMetricsTheTeamAgreedOn() {
		Map<String, Set<String>> agreed = Map.of(
				INGEST, Set.of("brandsignal_ingest_observations_accepted_total", "brandsignal_ingest_batches_rejected_total",
						"brandsignal_ingest_batch_size_bucket", "brandsignal_ingest_batch_size_count",
						"brandsignal_ingest_batch_size_sum", "brandsignal_ingest_publish_seconds_bucket",
						"brandsignal_ingest_publish_seconds_count", "brandsignal_ingest_publish_seconds_sum"),
				SCORING, Set.of("brandsignal_scoring_observations_processed_total",
						"brandsignal_scoring_scorecards_emitted_total", "brandsignal_scoring_campaign_results_total",
						"brandsignal_deadletter_records_total", "kafka_stream_thread_process_rate"),
				DASHBOARD, Set.of("brandsignal_brand_vanity_index", "brandsignal_brand_impact_score",
						"brandsignal_brands_by_verdict", "brandsignal_deadletter_records_total"));
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, ActuatorMetrics> scraped = scrapeAll();
			agreed.forEach((service, names) -> assertThat(scraped.get(service).names()).as(service)
				.containsAll(names));
		});
	}

	@Test
	void everyServiceThatConsumesKafkaExportsItsConsumerLag() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, ActuatorMetrics> scraped = scrapeAll();
			for (String service : Set.of(SCORING, DASHBOARD)) {
				assertThat(scraped.get(service).samplesOf("kafka_consumer_fetch_manager_records_lag_max"))
					.as("%s consumer lag (the Kafka client metrics of a consumer factory built by hand appear only "
							+ "with a MicrometerConsumerListener added to it)", service)
					.isNotEmpty();
			}
		});
	}

	@Test
	void tagsEveryMetricWithTheServiceThatExportsIt() {
		scrapeAll().forEach((service, metrics) -> {
			assertThat(metrics.samplesOf("jvm_memory_used_bytes")).as(service).isNotEmpty();
			assertThat(metrics.samples()).filteredOn((sample) -> sample.startsWith("brandsignal_")
					|| sample.startsWith("jvm_") || sample.startsWith("http_server_requests"))
				.as(service)
				.isNotEmpty()
				.allSatisfy((sample) -> assertThat(sample).contains("application=\"" + service + "\""));
		});
	}

	@Test
	void exportsADeadLetterCountPerDeadLetterTopic() {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, ActuatorMetrics> scraped = scrapeAll();
			assertThat(scraped.get(SCORING).samplesOf("brandsignal_deadletter_records_total")).as(SCORING)
				.anySatisfy((sample) -> assertThat(sample).contains("topic=\"")
					.satisfies((counted) -> assertThat(ActuatorMetrics.value(counted)).isPositive()));
			assertThat(scraped.get(DASHBOARD).samplesOf("brandsignal_deadletter_records_total")).as(DASHBOARD)
				.anySatisfy((sample) -> assertThat(sample).contains("topic=\"")
					.satisfies((counted) -> assertThat(ActuatorMetrics.value(counted)).isPositive()));
		});
	}

	static Map<String, ActuatorMetrics> scrapeAll() {
		Map<String, URI> services = Map.of(INGEST, stack.ingestUrl(), SCORING, stack.scoringUrl(), DASHBOARD,
				stack.dashboardUrl());
		Map<String, ActuatorMetrics> scraped = new LinkedHashMap<>();
		services.forEach((service, url) -> scraped.put(service, ActuatorMetrics.scrape(service, url)));
		return scraped;
	}

	private static String usersOf(Set<String> missing) {
		Map<String, String> queries = new LinkedHashMap<>(MonitoringQueries.dashboards());
		queries.putAll(MonitoringQueries.alerts());
		return queries.entrySet()
			.stream()
			.filter((query) -> PromQl.metricNames(query.getValue()).stream().anyMatch(missing::contains))
			.map(Map.Entry::getKey)
			.collect(Collectors.joining(", ", "[", "]"));
	}

	/** Records no service can read, so scoring and dashboard each dead-letter one. */
	private static void sendUnreadableRecords(String... topics) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			for (String topic : topics) {
				producer.send(new ProducerRecord<>(topic, "ops-unreadable",
						"this is not a JSON record".getBytes(StandardCharsets.UTF_8))).get();
			}
		}
	}

}
