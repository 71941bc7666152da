package io.brandsignal.dashboard.campaign;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.CampaignFixtures;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaigns through the whole dashboard on the real broker and PostgreSQL: definitions and results produced as
 * ingest and scoring publish them show in the API, on the campaign page, the brand page and the portfolio, within
 * each caller's brands; tombstones delete them; the form writes to the campaigns topic only what the campaign rules
 * accept, with the person as source, and only with a CSRF token.
 */
class CampaignIntegrationTests extends AbstractDashboardIntegrationTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Test
	void showsAScoredCampaignInTheApiOnItsPageTheBrandPageAndThePortfolio() throws Exception {
		send(Fixtures.rollup("camp-shown", "2026-03-01", Map.of("followers", 100.0)));
		sendCampaign(CampaignFixtures.defined("camp-shown", "spring-giveaway", "Spring giveaway", T1));
		sendResult(CampaignFixtures.scored("camp-shown", "spring-giveaway", "Spring giveaway", CampaignKind.GIVEAWAY,
				CampaignVerdict.BOUGHT_ATTENTION, 30.0, 1.0, T1));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				get("/api/v1/brands/camp-shown/campaigns/spring-giveaway").body())
			.contains("\"verdict\":\"BOUGHT_ATTENTION\"")
			.contains("\"campaignId\":\"spring-giveaway\""));

		String page = get("/brands/camp-shown/campaigns/spring-giveaway").body();
		assertThat(page).contains(">Bought attention</span>")
			.contains("It bought 3,000 followers at 0.40 EUR each")
			// the unit cost's interval reaches 0 on the effect's side: said in words
			.contains("0.4 EUR").contains("unbounded")
			.contains("href=\"/brands/camp-shown/campaigns/other-campaign\"")
			.contains("id=\"lift-table\"")
			// followers: total 3000 (1500 to 4500), relative +30.0 % (+25.0 % to +35.0 %), p 0.010
			.contains("+3,000 (+1,500 to +4,500)")
			.contains("+30.0 % (+25.0 % to +35.0 %)")
			.contains("0.010")
			.contains("class=\"lift-chart\"")
			.contains("Last defined by tester.");
		assertThat(get("/brands/camp-shown").body()).contains("data-start=\"2026-03-01\"")
			.contains("data-end=\"2026-03-10\"")
			.contains("data-carry-end=\"2026-03-17\"")
			.contains("href=\"/brands/camp-shown/campaigns/spring-giveaway\"");
		assertThat(get("/campaigns?kind=GIVEAWAY").body()).contains("Spring giveaway")
			.contains("href=\"/brands/camp-shown/campaigns/spring-giveaway\"");
		assertThat(get("/campaigns?kind=PROMOTION").body()).doesNotContain("Spring giveaway");
		HttpResponse<String> api = get("/api/v1/campaigns?verdict=BOUGHT_ATTENTION&kind=giveaway&limit=500");
		assertThat(api.body()).contains("\"id\":\"spring-giveaway\"")
			.contains("\"audienceMetric\":\"followers\"")
			.contains("\"audienceLiftPercent\":30.0")
			.contains("\"outcomeLiftPercent\":1.0");
		assertThat(get("/api/v1/campaigns?verdict=MOVED_OUTCOMES&limit=500").body()).doesNotContain("spring-giveaway");
		assertThat(get("/api/v1/campaigns?kind=nonsense").statusCode()).isEqualTo(400);
	}

	@Test
	void pushesEveryCampaignChangeToTheLiveStream() throws Exception {
		HttpRequest request = authorized("/api/v1/stream").header("Accept", "text/event-stream").build();
		withStream(request, (lines) -> {
			sendResult(CampaignFixtures.tooEarly("camp-live", "teaser", T1));
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines).contains("event:campaign")
				.anySatisfy((line) -> assertThat(line).startsWith("data:")
					.contains("\"brand\":\"camp-live\"")
					.contains("\"id\":\"teaser\"")));
		});
	}

	@Test
	void sortsThePortfolioByEitherLiftHighestFirst() throws Exception {
		sendResult(CampaignFixtures.scored("camp-sort", "a-low", "A low", CampaignKind.INFLUENCER,
				CampaignVerdict.BOUGHT_ATTENTION, 10.0, 9.0, T1));
		sendResult(CampaignFixtures.scored("camp-sort", "b-high", "B high", CampaignKind.INFLUENCER,
				CampaignVerdict.BOUGHT_ATTENTION, 40.0, 2.0, T1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/v1/brands/camp-sort/campaigns/b-high").statusCode() == 200);

		// same start and brand: by start, ties go by id; by a lift, the higher first
		String byStart = get("/api/v1/campaigns?limit=500").body();
		String byAudience = get("/api/v1/campaigns?limit=500&sort=audienceLift").body();
		String byOutcome = get("/campaigns?sort=outcomeLift&limit=200").body();
		assertThat(byStart.indexOf("\"a-low\"")).isLessThan(byStart.indexOf("\"b-high\""));
		assertThat(byAudience.indexOf("\"b-high\"")).isLessThan(byAudience.indexOf("\"a-low\""));
		assertThat(byOutcome.indexOf(">A low<")).isPositive().isLessThan(byOutcome.indexOf(">B high<"));
		assertThat(get("/api/v1/campaigns?sort=cost").statusCode()).isEqualTo(400);
	}

	@Test
	void saysHowManyDaysAreKnownWhileItIsTooEarly() throws Exception {
		sendResult(CampaignFixtures.tooEarly("camp-early", "launch", T1));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				get("/brands/camp-early/campaigns/launch").body()).contains(">Too early</span>")
			.contains("3 of 10 campaign days known"));
	}

	@Test
	void deletesTheCampaignAndItsResultOnTheCampaignsTombstone() throws Exception {
		send(Fixtures.rollup("camp-gone", "2026-03-01", Map.of("followers", 100.0)));
		sendCampaign(CampaignFixtures.defined("camp-gone", "summer", "Summer", T1));
		sendResult(CampaignFixtures.scored("camp-gone", "summer", "Summer", CampaignKind.INFLUENCER,
				CampaignVerdict.MOVED_OUTCOMES, 5.0, 8.0, T1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/v1/brands/camp-gone/campaigns/summer").statusCode() == 200
					&& get("/brands/camp-gone").body().contains("data-start=\"2026-03-01\""));

		// scoring's tombstone of the result follows; the dashboard need not wait for it
		send(Topics.CAMPAIGNS.name(), CampaignDefined.key("camp-gone", "summer"), null);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/api/v1/brands/camp-gone/campaigns/summer").statusCode()).isEqualTo(404);
			assertThat(get("/brands/camp-gone/campaigns/summer").statusCode()).isEqualTo(404);
			assertThat(get("/brands/camp-gone").body()).contains("No campaigns are defined for this brand.");
		});
	}

	@Test
	void deletesAResultOnItsTombstone() throws Exception {
		sendResult(CampaignFixtures.scored("camp-gone-too", "winter", "Winter", CampaignKind.INFLUENCER,
				CampaignVerdict.MOVED_OUTCOMES, 5.0, 8.0, T1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/v1/brands/camp-gone-too/campaigns/winter").statusCode() == 200);

		send(Topics.CAMPAIGN_RESULTS.name(), CampaignDefined.key("camp-gone-too", "winter"), null);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/brands/camp-gone-too/campaigns/winter").statusCode()).isEqualTo(404));
	}

	@Test
	void answersCampaignsOfBrandsOutsideTheCallersScopeAsUnknown() throws Exception {
		sendCampaign(CampaignFixtures.defined("camp-hidden", "secret", "Secret launch", T1));
		sendResult(CampaignFixtures.scored("camp-hidden", "secret", "Secret launch", CampaignKind.OTHER,
				CampaignVerdict.NO_MEASURABLE_EFFECT, 1.0, 1.0, T1));
		sendResult(CampaignFixtures.scored("acme", "acme-push", "Acme push", CampaignKind.PAID_SOCIAL,
				CampaignVerdict.MOVED_OUTCOMES, 4.0, 6.0, T1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/v1/brands/camp-hidden/campaigns/secret").statusCode() == 200
					&& get("/api/v1/brands/acme/campaigns/acme-push").statusCode() == 200);

		// agent may see acme, globex and solo (config/application.properties)
		HttpResponse<String> api = as("agent", "/api/v1/brands/camp-hidden/campaigns/secret");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.body()).contains("unknown-campaign");
		assertThat(as("agent", "/brands/camp-hidden/campaigns/secret").statusCode()).isEqualTo(404);
		assertThat(as("agent", "/brands/camp-hidden/campaigns/new").statusCode()).isEqualTo(404);
		assertThat(as("agent", "/campaigns").body()).contains("Acme push").doesNotContain("Secret launch");
		assertThat(as("agent", "/campaigns.csv").body()).contains("acme-push").doesNotContain("secret");
		// the read key acme-bi may read acme only
		HttpResponse<String> byKey = http().send(authorized("/api/v1/campaigns?limit=500").setHeader("Authorization",
				"Bearer bsr_test_acme_key").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(byKey.body()).contains("acme-push").doesNotContain("secret");
		assertThat(http().send(authorized("/api/v1/brands/camp-hidden/campaigns/secret")
			.setHeader("Authorization", "Bearer bsr_test_acme_key")
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
	}

	@Test
	void exportsTheFilteredPortfolioAsCsvWithFormulasDefused() throws Exception {
		sendResult(CampaignFixtures.scored("camp-csv", "formula", "=HYPERLINK(\"http://evil\"),\"x\"",
				CampaignKind.PROMOTION, CampaignVerdict.MOVED_OUTCOMES, 2.5, 7.5, T1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/v1/brands/camp-csv/campaigns/formula").statusCode() == 200);

		HttpResponse<String> csv = get("/campaigns.csv?kind=PROMOTION&verdict=MOVED_OUTCOMES");
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).startsWith(CampaignCsv.HEADER + "\r\n")
			.contains("camp-csv,formula,\"'=HYPERLINK(\"\"http://evil\"\"),\"\"x\"\"\",PROMOTION,2026-03-01,2026-03-10,"
					+ "MOVED_OUTCOMES,2026-03-17,followers,2.5,-2.5,7.5,sales,7.5,2.5,12.5,1200,EUR\r\n");
		assertThat(get("/campaigns.csv?kind=GIVEAWAY").body()).doesNotContain("camp-csv");
	}

	@Test
	void sendsAnUnreadableCampaignResultToTheDeadLetterTopic() throws Exception {
		CampaignScored elsewhere = CampaignFixtures.scored("camp-dlt", "other", "Other", CampaignKind.OTHER,
				CampaignVerdict.TOO_EARLY, 1.0, 1.0, T1);
		// a result under another campaign's key cannot be stored as that campaign
		send(Topics.CAMPAIGN_RESULTS.name(), "camp-dlt|wrong-key",
				Topics.CAMPAIGN_RESULTS.valueSerde().serializer().serialize(Topics.CAMPAIGN_RESULTS.name(), elsewhere));
		assertThat(deadLetters("camp-dlt|wrong-key", 1)).hasSize(1);
		assertThat(get("/api/v1/brands/camp-dlt/campaigns/wrong-key").statusCode()).isEqualTo(404);
	}

	@Test
	void writesAValidFormToTheCampaignsTopicWithThePersonAsSource() throws Exception {
		HttpClient browser = loggedIn();
		String form = page(browser, "/brands/camp-form/campaigns/new");
		HttpResponse<String> saved = post(browser, "/brands/camp-form/campaigns", fields(csrf(form), "id", "autumn-tv",
				"name", "Autumn TV", "kind", "BRAND_MEDIA", "startDate", "2026-09-01", "endDate", "2026-09-30",
				"channels", "tv, youtube", "spend", "25000", "currency", "EUR", "note", ""));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/brands/camp-form/campaigns/autumn-tv?saved="));
		List<CampaignDefined> written = written("camp-form|autumn-tv");
		assertThat(written).singleElement().satisfies((campaign) -> {
			assertThat(campaign.source()).isEqualTo("tester");
			assertThat(campaign.kind()).isEqualTo(CampaignKind.BRAND_MEDIA);
			assertThat(campaign.channels()).containsExactly("tv", "youtube");
			assertThat(campaign.spend()).isEqualByComparingTo("25000");
		});
		// the read model learns of it from the topic, and the form edits it from there
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				page(browser, "/brands/camp-form/campaigns/autumn-tv")).contains("Autumn TV")
			.contains(">Not scored yet</span>"));
		assertThat(page(browser, "/brands/camp-form/campaigns/autumn-tv/edit")).contains("value=\"Autumn TV\"")
			.contains("value=\"tv, youtube\"");

		String confirm = page(browser, "/brands/camp-form/campaigns/autumn-tv/delete");
		HttpResponse<String> deleted = post(browser, "/brands/camp-form/campaigns/autumn-tv/delete",
				fields(csrf(confirm)));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(written("camp-form|autumn-tv")).hasSize(2).last().isNull();
	}

	@Test
	void showsEachFieldsProblemAndWritesNothingForAnInvalidForm() throws Exception {
		HttpClient browser = loggedIn();
		String form = page(browser, "/brands/camp-form/campaigns/new");
		HttpResponse<String> refused = post(browser, "/brands/camp-form/campaigns", fields(csrf(form), "id",
				"Bad Id", "name", "", "kind", "GIVEAWAY", "startDate", "2026-03-10", "endDate", "2026-03-01",
				"channels", "all", "spend", "12.345", "currency", "EUR", "note", ""));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"id-error\"")
			.contains("id=\"name-error\"")
			.contains("Name must not be blank")
			.contains("id=\"endDate-error\"")
			.contains("must be on or after startDate 2026-03-10")
			.contains("id=\"spend-error\"")
			.contains("at most 2 decimal place(s) in EUR")
			.doesNotContain("id=\"kind-error\"")
			// the form comes back as typed
			.contains("value=\"Bad Id\"");
		assertThat(written("camp-form|bad id")).isEmpty();
		assertThat(written("camp-form|Bad Id")).isEmpty();
	}

	@Test
	void refusesAFormPostedWithoutCsrfToken() throws Exception {
		HttpClient browser = loggedIn();
		HttpResponse<String> refused = post(browser, "/brands/camp-form/campaigns", fields(null, "id", "no-token",
				"name", "No token", "kind", "OTHER", "startDate", "2026-03-01", "endDate", "2026-03-02", "channels",
				"all"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(written("camp-form|no-token")).isEmpty();
	}

	private void sendCampaign(CampaignDefined campaign) throws Exception {
		send(Topics.CAMPAIGNS.name(), campaign.key(),
				Topics.CAMPAIGNS.valueSerde().serializer().serialize(Topics.CAMPAIGNS.name(), campaign));
	}

	private void sendResult(CampaignScored result) throws Exception {
		send(Topics.CAMPAIGN_RESULTS.name(), result.key(),
				Topics.CAMPAIGN_RESULTS.valueSerde().serializer().serialize(Topics.CAMPAIGN_RESULTS.name(), result));
	}

	/** A request as another configured person (same test password), with HTTP Basic. */
	private HttpResponse<String> as(String user, String path) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":test-password").getBytes(StandardCharsets.UTF_8));
		return http().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A browser logged in as tester with the login form, keeping its session cookie. */
	private HttpClient loggedIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = page(browser, "/login");
		HttpResponse<String> loggedIn = post(browser, "/login",
				fields(csrf(login), "username", "tester", "password", "test-password"));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	private String page(HttpClient browser, String path) throws Exception {
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> post(HttpClient browser, String path, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> fields(String csrf, String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (csrf != null) {
			fields.put("_csrf", csrf);
		}
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static String csrf(String page) {
		Matcher field = CSRF_FIELD.matcher(page);
		assertThat(field.find()).as("a hidden _csrf field").isTrue();
		return field.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** Every campaign record of the key the topic holds now, in order; {@code null} for a tombstone. */
	private static List<CampaignDefined> written(String key) {
		List<CampaignDefined> found = new ArrayList<>();
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "campaign-reader-" + UUID.randomUUID());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAMPAIGNS.name())
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add((record.value() != null) ? Topics.CAMPAIGNS.valueSerde()
							.deserializer()
							.deserialize(record.topic(), record.value()) : null);
					}
				}
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
		}
		return found;
	}

}
