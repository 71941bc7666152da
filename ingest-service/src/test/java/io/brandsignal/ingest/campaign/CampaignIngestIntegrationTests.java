package io.brandsignal.ingest.campaign;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.testsupport.KafkaTestInfrastructure;
import io.brandsignal.testsupport.TestInfrastructure;
import io.brandsignal.testsupport.openapi.OpenApiDocuments;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Campaigns over HTTP onto the shared real broker: what is answered {@code 202} or {@code 204} is on the
 * compacted campaigns topic under {@code brand|id}, latest last, a deletion as a tombstone; what is refused
 * leaves nothing there. The same context as the observation integration tests, so it starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KafkaTestInfrastructure.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class CampaignIngestIntegrationTests {

	private static final String AGENCY = "Bearer agency-secret-key";

	private static final String SHOP = "Bearer shop-secret-key";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void definesRedefinesAndDeletesACampaignUnderItsKey() throws Exception {
		HttpResponse<String> defined = put(AGENCY, "it-camp", "spring-giveaway", """
				{"name":"Spring giveaway","kind":"GIVEAWAY","startDate":"2026-03-01","endDate":"2026-03-14",
				 "channels":["instagram","tiktok"],"spend":4800.50,"currency":"EUR","note":"Prize: an e-bike"}""");
		assertThat(defined.statusCode()).isEqualTo(202);
		assertThat(defined.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode answer = this.json.readTree(defined.body());
		assertThat(answer.get("source").asString()).isEqualTo("agency");
		assertThat(answer.get("updatedAt").asString()).isNotBlank();

		// brand and id in the body may be sent when they match the path; channels default to the whole brand
		HttpResponse<String> redefined = put(AGENCY, "it-camp", "spring-giveaway", """
				{"brand":"it-camp","id":"spring-giveaway","name":"Spring giveaway, extended","kind":"GIVEAWAY",
				 "startDate":"2026-03-01","endDate":"2026-03-21"}""");
		assertThat(redefined.statusCode()).isEqualTo(202);
		HttpResponse<String> deleted = delete(AGENCY, "it-camp", "spring-giveaway");
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();

		List<String> onTopic = CampaignTopicReader.readKey(bootstrapServers(), "it-camp|spring-giveaway",
				(found) -> found.size() >= 3);
		assertThat(onTopic).hasSize(3);
		assertThat(onTopic.get(0)).contains("\"brand\":\"it-camp\"", "\"id\":\"spring-giveaway\"", "\"kind\":\"GIVEAWAY\"",
				"\"startDate\":\"2026-03-01\"", "\"endDate\":\"2026-03-14\"", "\"channels\":[\"instagram\",\"tiktok\"]",
				"\"spend\":4800.50", "\"currency\":\"EUR\"", "\"note\":\"Prize: an e-bike\"", "\"source\":\"agency\"");
		assertThat(read(onTopic.get(0))).isEqualTo(read(defined.body()));
		CampaignDefined latest = read(onTopic.get(1));
		assertThat(latest).extracting(CampaignDefined::name, CampaignDefined::kind, CampaignDefined::endDate,
				CampaignDefined::channels, CampaignDefined::spend, CampaignDefined::currency, CampaignDefined::note)
			.containsExactly("Spring giveaway, extended", CampaignKind.GIVEAWAY, LocalDate.of(2026, 3, 21),
					List.of("all"), null, null, null);
		assertThat(latest.updatedAt()).isAfterOrEqualTo(read(onTopic.get(0)).updatedAt());
		assertThat(onTopic.get(2)).as("the deletion is a tombstone").isNull();
	}

	@Test
	void aBrandScopedKeyWritesItsOwnBrandsCampaigns() throws Exception {
		HttpResponse<String> response = put(SHOP, "acme", "it-summer-sale", """
				{"name":"Summer sale","kind":"PROMOTION","startDate":"2026-07-01","endDate":"2026-07-31",
				 "channels":["shop"],"spend":1200,"currency":"JPY"}""");
		assertThat(response.statusCode()).isEqualTo(202);
		List<String> onTopic = CampaignTopicReader.readKey(bootstrapServers(), "acme|it-summer-sale",
				(found) -> !found.isEmpty());
		assertThat(read(onTopic.get(0))).extracting(CampaignDefined::source, CampaignDefined::spend)
			.containsExactly("shop", new BigDecimal("1200"));
	}

	@Test
	void refusedRequestsLeaveNothingOnTheTopic() throws Exception {
		String valid = """
				{"name":"Influencer push","kind":"INFLUENCER","startDate":"2026-05-01","endDate":"2026-05-31",
				 "channels":["instagram"]}""";
		HttpResponse<String> forbidden = put(SHOP, "it-refused", "push", valid);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertProblem(forbidden, "urn:brandsignal:problem:brand-out-of-scope");
		assertThat(forbidden.body()).contains("API key 'shop' may not write brand it-refused; nothing was published");
		assertThat(delete(SHOP, "it-refused", "push").statusCode()).isEqualTo(403);

		HttpResponse<String> unauthorized = put(null, "it-refused", "push", valid);
		assertThat(unauthorized.statusCode()).isEqualTo(401);
		assertProblem(unauthorized, "urn:brandsignal:problem:unauthorized");
		assertThat(put("Bearer not-a-key", "it-refused", "push", valid).statusCode()).isEqualTo(401);
		assertThat(delete(null, "it-refused", "push").statusCode()).isEqualTo(401);

		HttpResponse<String> malformed = put(AGENCY, "it-refused", "push", "{\"name\":\"Influencer push\",");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertProblem(malformed, "urn:brandsignal:problem:malformed-body");
		assertThat(malformed.body()).contains("Malformed JSON at line 1");
		HttpResponse<String> duplicate = put(AGENCY, "it-refused", "push", "{\"name\":\"a\",\"name\":\"b\"}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(duplicate.body()).contains("Malformed JSON at line 1, column 19: Duplicate Object property \\\"name\\\"");

		// 16 KiB is the limit: a note of 17,000 characters is refused before it is read, whatever its validity
		HttpResponse<String> oversized = put(AGENCY, "it-refused", "push",
				"{\"name\":\"x\",\"note\":\"" + "n".repeat(17_000) + "\"}");
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertProblem(oversized, "urn:brandsignal:problem:batch-too-large");
		assertThat(oversized.body()).contains("exceeds the limit of 16384 bytes for a campaign");

		HttpResponse<String> csv = send(HttpRequest.newBuilder(uri("it-refused", "push"))
			.header("Authorization", AGENCY)
			.header("Content-Type", "text/csv")
			.PUT(HttpRequest.BodyPublishers.ofString("name\nx\n")));
		assertThat(csv.statusCode()).isEqualTo(415);
		assertThat(csv.body()).contains("send application/json\"");

		HttpResponse<String> badPath = put(AGENCY, "It-Refused", "push", valid);
		assertThat(badPath.statusCode()).isEqualTo(422);
		assertThat(errors(badPath)).containsExactly(tuple("brand",
				"must be a lowercase slug matching [a-z0-9][a-z0-9_-]{0,63}, was 'It-Refused' in the path"));

		// Then the valid campaign: the only record under the key, so none of the refused ones was published.
		assertThat(put(AGENCY, "it-refused", "push", valid).statusCode()).isEqualTo(202);
		List<String> onTopic = CampaignTopicReader.readKey(bootstrapServers(), "it-refused|push",
				(found) -> !found.isEmpty());
		assertThat(onTopic).hasSize(1);
		assertThat(read(onTopic.get(0)).name()).isEqualTo("Influencer push");
	}

	@Test
	void listsEveryInvalidFieldInOneProblem() throws Exception {
		HttpResponse<String> response = put(AGENCY, "it-invalid", "many-problems", """
				{"brand":"other-brand","name":" ","kind":"TV","startDate":"2026-03-14","endDate":"2026-03-01",
				 "channels":["instagram","instagram",7],"spend":-5,"note":"%s","updatedAt":"2026-01-01T00:00:00Z",
				 "budget":3}""".formatted("n".repeat(1001)));
		assertThat(response.statusCode()).isEqualTo(422);
		assertProblem(response, "urn:brandsignal:problem:invalid-campaign");
		assertThat(errors(response)).containsExactly(
				tuple("channels[2]", "must be a JSON string, was number"),
				tuple("updatedAt", "is set by the server and must not be sent"),
				tuple("budget", "unknown field"),
				tuple("brand", "must match the path ('it-invalid') or be left out, was 'other-brand'"),
				tuple("kind", "must be one of GIVEAWAY, INFLUENCER, PAID_SOCIAL, BRAND_MEDIA, PROMOTION, OTHER, was 'TV'"),
				tuple("name", "must not be blank"),
				tuple("endDate", "must be on or after startDate 2026-03-14, was 2026-03-01"),
				// the number at [2] is reported once, as read; the other elements are still judged
				tuple("channels[1]", "names 'instagram' again"),
				tuple("spend", "must be at least 0, was -5"),
				tuple("currency", "is required when spend is given"),
				tuple("note", "must be at most 1000 characters, was 1001"));
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("11 problem(s) in the campaign; nothing of it was published");

		HttpResponse<String> spendAndDates = put(AGENCY, "it-invalid", "spend", """
				{"name":"TV flight","kind":"BRAND_MEDIA","startDate":"2026-02-30","endDate":"2026-09-30",
				 "channels":["tv","all"],"spend":1000.1234,"currency":"eur"}""");
		assertThat(errors(spendAndDates)).containsExactly(
				tuple("startDate", "must be an ISO day (YYYY-MM-DD), was '2026-02-30'"),
				tuple("channels", "must not list 'all' beside other channels: it stands for all of them"),
				tuple("spend", "must have at most 3 decimal place(s), was 1000.1234"),
				tuple("currency", "must be an ISO 4217 currency code in capitals such as EUR or USD, was 'eur'"));
	}

	@Test
	void documentsTheCampaignOperationsAndCountsThem() throws Exception {
		put(AGENCY, "it-metrics", "counted", "{\"name\":\"x\"}");
		HttpResponse<String> apiDocs = get("/v3/api-docs");
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/api/v1/brands/{brand}/campaigns/{id}\"", "InvalidCampaignProblem",
				"\"Campaign\"", "CampaignDefined", "urn:brandsignal:problem:invalid-campaign");
		assertThat(OpenApiDocuments.securityByOperation(apiDocs.body()))
			.containsEntry("PUT /api/v1/brands/{brand}/campaigns/{id}", "[{\"apiKey\":[]}]")
			.containsEntry("DELETE /api/v1/brands/{brand}/campaigns/{id}", "[{\"apiKey\":[]}]");
		HttpResponse<String> prometheus = get("/actuator/prometheus");
		assertThat(prometheus.body()).contains(
				"brandsignal_ingest_campaigns_accepted_total{application=\"ingest-service\",operation=\"upsert\"}",
				"brandsignal_ingest_campaigns_accepted_total{application=\"ingest-service\",operation=\"delete\"}",
				"brandsignal_ingest_campaigns_rejected_total{application=\"ingest-service\",reason=\"kafka_unavailable\"}");
		assertThat(prometheus.body()).containsPattern(
				"brandsignal_ingest_campaigns_rejected_total\\{application=\"ingest-service\",reason=\"validation\"} [1-9]");
	}

	@Test
	void provisionsTheCampaignTopicCompacted() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CAMPAIGNS.name());
			String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic)
				.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
			assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		}
	}

	private void assertProblem(HttpResponse<String> response, String type) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(response.body()).get("type").asString()).isEqualTo(type);
	}

	private List<org.assertj.core.groups.Tuple> errors(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(422);
		assertProblem(response, "urn:brandsignal:problem:invalid-campaign");
		return this.json.readTree(response.body())
			.get("errors")
			.valueStream()
			.map((error) -> tuple(error.get("field").asString(), error.get("message").asString()))
			.toList();
	}

	private static CampaignDefined read(String json) {
		return Topics.CAMPAIGNS.valueSerde()
			.deserializer()
			.deserialize(Topics.CAMPAIGNS.name(), json.getBytes(StandardCharsets.UTF_8));
	}

	private static String bootstrapServers() {
		return TestInfrastructure.kafka().bootstrapServers();
	}

	private HttpResponse<String> put(String authorization, String brand, String id, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(brand, id))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private HttpResponse<String> delete(String authorization, String brand, String id)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(brand, id)).DELETE();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String brand, String id) {
		return URI.create("http://localhost:" + this.port + "/api/v1/brands/" + brand + "/campaigns/" + id);
	}

}
