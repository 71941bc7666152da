package io.brandsignal.ingest.observation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.ingest.observation.kafka.ObservationTopicReader;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import io.brandsignal.testsupport.openapi.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the shared real broker: what is answered {@code 202} is on the topic, whole and
 * committed; what is refused leaves nothing there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KafkaTestInfrastructure.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class ObservationIngestIntegrationTests {

	private static final String AGENCY = "Bearer agency-secret-key";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void rejectedBatchesLeaveNothingOnTheTopicAndAcceptedBatchArrivesWhole() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		HttpResponse<String> rejected = post("application/json", """
				{"observations":[
				  {"brand":"it-whole","metric":"followers","date":"%s","value":1},
				  {"brand":"it-whole","metric":"likes","date":"%s","value":2},
				  {"brand":"it-whole","metric":"nps","date":"%s","value":101}
				]}""".formatted(day, day, day));
		assertThat(rejected.statusCode()).isEqualTo(422);
		HttpResponse<String> forbidden = post("Bearer shop-secret-key", "application/json", """
				{"observations":[{"brand":"it-whole","metric":"followers","date":"%s","value":4}]}""".formatted(day));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		HttpResponse<String> accepted = post("application/json", """
				{"observations":[
				  {"brand":"it-whole","metric":"followers","channel":"instagram","date":"%s","value":10},
				  {"brand":"it-whole","metric":"likes","channel":"instagram","date":"%s","value":20},
				  {"brand":"it-whole","metric":"nps","date":"%s","value":30}
				]}""".formatted(day, day, day));
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.body()).isEqualTo("{\"accepted\":3}");

		// One brand is one key, so one partition: a published refused batch would come before the accepted one.
		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(TestInfrastructure.kafka().bootstrapServers(),
				"it-whole", (found) -> found.size() >= 3);
		assertThat(onTopic).extracting(ObservationRecorded::metric, ObservationRecorded::channel,
				ObservationRecorded::date, ObservationRecorded::value, ObservationRecorded::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("followers", "instagram", day, 10.0, "agency"),
					org.assertj.core.groups.Tuple.tuple("likes", "instagram", day, 20.0, "agency"),
					org.assertj.core.groups.Tuple.tuple("nps", "all", day, 30.0, "agency"));
		// one receive time for the batch, a nanosecond apart per item so a later item wins a shared cell
		Instant received = onTopic.get(0).receivedAt();
		assertThat(onTopic).extracting(ObservationRecorded::receivedAt)
			.containsExactly(received, received.plusNanos(1), received.plusNanos(2));
	}

	@Test
	void acceptsCsvBackfillOfAYearInOneRequest() throws Exception {
		LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(365);
		StringBuilder csv = new StringBuilder("brand,metric,channel,date,value\n");
		for (int i = 0; i < 365; i++) {
			csv.append("it-backfill,followers,instagram,").append(first.plusDays(i)).append(',').append(1000 + i).append('\n');
		}
		HttpResponse<String> response = post("text/csv", csv.toString());
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":365}");

		List<ObservationRecorded> onTopic = ObservationTopicReader.readBrand(TestInfrastructure.kafka().bootstrapServers(),
				"it-backfill", (found) -> found.size() >= 365);
		assertThat(onTopic).hasSize(365);
		// 365 * 1000 + (0 + 1 + ... + 364) = 365,000 + 66,430
		assertThat(onTopic.stream().mapToDouble(ObservationRecorded::value).sum()).isEqualTo(431_430.0);
		assertThat(onTopic.get(0).date()).isEqualTo(first);
		assertThat(onTopic.get(364).date()).isEqualTo(first.plusDays(364));
	}

	@Test
	void refusesBodyOver4MiBOnTheRealServer() throws Exception {
		HttpResponse<String> response = post("application/json", " ".repeat(5 * 1024 * 1024));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("The request body of 5242880 bytes exceeds the limit of 4194304 bytes");
	}

	@Test
	void servesOpenApiDescriptionSwaggerUiHealthAndPrometheusWithoutAKey() throws Exception {
		post("application/json", "{\"observations\":[{\"brand\":\"it-metrics\",\"metric\":\"orders\",\"date\":\""
				+ LocalDate.now(ZoneOffset.UTC) + "\",\"value\":4}]}");
		HttpResponse<String> apiDocs = get("/v3/api-docs");
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/api/v1/observations\"", "\"/api/v1/metrics\"", "\"422\"", "\"503\"",
				"\"text/csv\":{", "ObservationBatch", "InvalidBatchProblem", "BatchAccepted",
				"urn:brandsignal:problem:invalid-observations");
		// every operation states its security: writes need an API key, the catalog explicitly none
		assertThat(OpenApiDocuments.securityByOperation(apiDocs.body())).containsEntry("POST /api/v1/observations",
				"[{\"apiKey\":[]}]")
			.containsEntry("GET /api/v1/metrics", "[]")
			.doesNotContainValue(null);
		assertThat(OpenApiDocuments.license(apiDocs.body())).contains("\"name\":\"Proprietary\"");
		OpenApiDocuments.keep(apiDocs.body(), "ingest");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains(
				"brandsignal_ingest_observations_accepted_total{application=\"ingest-service\",category=\"outcome\",tier=\"impact\"}",
				"brandsignal_ingest_batches_rejected_total{application=\"ingest-service\",reason=\"kafka_unavailable\"}",
				"brandsignal_ingest_batch_size_bucket", "brandsignal_ingest_publish_seconds_bucket",
				"http_server_requests_seconds_bucket", "kafka_producer_");
	}

	private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
		return post(AGENCY, contentType, body);
	}

	private HttpResponse<String> post(String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/observations"))
			.header("Authorization", authorization)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
