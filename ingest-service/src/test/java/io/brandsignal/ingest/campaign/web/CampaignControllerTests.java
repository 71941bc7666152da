package io.brandsignal.ingest.campaign.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.access.ApiKeyDefinition;
import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.auth.ApiKeyProperties;
import io.brandsignal.ingest.auth.web.ApiKeyInterceptor;
import io.brandsignal.ingest.campaign.CampaignIngestService;
import io.brandsignal.ingest.campaign.CampaignMetrics;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.brandsignal.ingest.ratelimit.RateLimitProperties;
import io.brandsignal.ingest.ratelimit.RateLimiter;
import io.brandsignal.ingest.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The campaign controller with Kafka replaced by a list (this is about reading, validating and answering;
 * the integration tests use the real broker): whatever a body holds, the answer is a client error with a
 * problem body or a {@code 202}, never a {@code 500}, and whatever is published passes the contract's rules,
 * so consumers never see a campaign ingest should have refused; a publish that fails is a {@code 503}; refusals
 * are counted as campaign requests, not as observation batches.
 */
class CampaignControllerTests {

	private static final String VALID = """
			{"name":"Spring giveaway","kind":"GIVEAWAY","startDate":"2026-03-01","endDate":"2026-03-14"}""";

	private final List<CampaignDefined> published = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private PublishFailedException publishFailure;

	private final MockMvc mvc = mockMvc();

	private MockMvc mockMvc() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
		CampaignMetrics metrics = new CampaignMetrics(this.registry);
		CampaignIngestService service = new CampaignIngestService((key, campaign) -> {
			if (this.publishFailure != null) {
				throw this.publishFailure;
			}
			this.published.add(campaign);
		}, metrics, clock);
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new ApiKeyProperties(List.of(new ApiKeyDefinition(
				"agency", "d984d3ff6afdcf990a152bce1d06d89443a89f19524819857f7938041b17dafd", List.of("*")))));
		RateLimiter unlimited = new RateLimiter(new RateLimitProperties(false, 1, 1, Duration.ofSeconds(1)));
		return MockMvcBuilders.standaloneSetup(new CampaignController(service))
			.setControllerAdvice(new ProblemDetailsAdvice(new IngestMetrics(this.registry), metrics))
			.addInterceptors(new ApiKeyInterceptor(authenticator, unlimited))
			.build();
	}

	@Test
	void randomBytesNeverYield5xx() {
		examples().forAll(Generate.byteArrays(Generate.range(0, 255),
				Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).describedAs(Arrays::toString))
			.checkAssert((body) -> assertClientErrorOrPublishedValid(send(body)));
	}

	@Test
	void randomlyFilledCampaignsNeverYield5xxAndOnlyValidOnesArePublished() {
		examples().forAll(campaigns())
			.checkAssert((body) -> assertClientErrorOrPublishedValid(send(body.getBytes(StandardCharsets.UTF_8))));
		assertThat(this.published).as("some generated campaigns are valid").isNotEmpty();
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
		this.publishFailure = new PublishFailedException("Kafka did not acknowledge the campaign within 5000 ms",
				Duration.ofSeconds(5), null);
		MockHttpServletResponse response = send(VALID.getBytes(StandardCharsets.UTF_8));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"title\":\"Campaigns cannot be stored right now\"",
				"urn:brandsignal:problem:kafka-unavailable");
		assertThat(rejected("brandsignal.ingest.campaigns.rejected", "kafka_unavailable")).isEqualTo(1);
		assertThat(this.registry.get("brandsignal.ingest.campaigns.accepted").tag("operation", "upsert").counter()
			.count()).isZero();
	}

	@Test
	void countsRefusalsAsCampaignRequestsAndAcceptedOnesByOperation() throws Exception {
		send("{}".getBytes(StandardCharsets.UTF_8));
		send(VALID.getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(delete("/api/v1/brands/acme/campaigns/c-1").header(HttpHeaders.AUTHORIZATION,
				"Bearer agency-secret-key"));
		assertThat(rejected("brandsignal.ingest.campaigns.rejected", "validation")).isEqualTo(1);
		assertThat(rejected("brandsignal.ingest.batches.rejected", "validation")).as("observation batches").isZero();
		assertThat(this.registry.get("brandsignal.ingest.campaigns.accepted").tag("operation", "upsert").counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("brandsignal.ingest.campaigns.accepted").tag("operation", "delete").counter()
			.count()).isEqualTo(1);
	}

	private double rejected(String meter, String reason) {
		return this.registry.get(meter).tag("reason", reason).counter().count();
	}

	private static QuickTheory examples() {
		return QuickTheory.qt().withExamples(300);
	}

	/** Campaign objects whose fields are mostly good values, some bad ones, and some of the wrong JSON type. */
	private static Gen<String> campaigns() {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("name", List.of("\"Spring giveaway\"", "\"\"", "\" \"", "\"a\\nb\"", "7", "null"));
		values.put("kind", List.of("\"GIVEAWAY\"", "\"PAID_SOCIAL\"", "\"giveaway\"", "\"\"", "[]", "null"));
		values.put("startDate", List.of("\"2026-03-01\"", "\"2026-02-30\"", "\"1999-12-31\"", "\"x\"", "20260301"));
		values.put("endDate", List.of("\"2026-03-14\"", "\"2026-02-28\"", "\"2028-12-01\"", "\"2027-03-02\"", "{}"));
		values.put("channels", List.of("[\"instagram\"]", "[]", "[\"all\",\"tv\"]", "[\"a\",\"a\"]", "[1,null]",
				"\"instagram\"", "[[\"x\"]]"));
		values.put("spend", List.of("100", "0", "-1", "1e400", "12.345", "1e12", "\"100\"", "99999999999999999999999"));
		values.put("currency", List.of("\"EUR\"", "\"JPY\"", "\"eur\"", "\"XXXX\"", "1"));
		values.put("note", List.of("\"ok\"", "\"\\u0007\"", "\"line\\nbreak\"", "true"));
		values.put("brand", List.of("\"acme\"", "\"other\"", "\"ACME\""));
		values.put("updatedAt", List.of("\"2026-01-01T00:00:00Z\""));
		List<Gen<String>> fields = new ArrayList<>();
		values.forEach((name, choices) -> fields.add(Generate.pick(choices).map((value) -> "\"" + name + "\":" + value)));
		// each field present in nine of ten campaigns, brand (optional) in three, updatedAt (server-owned) rarely
		Gen<String> body = lists().of(Generate.range(0, 100)).ofSize(values.size()).zip(
				lists().of(Generate.range(0, Integer.MAX_VALUE)).ofSize(values.size()), (present, picks) -> {
					List<String> chosen = new ArrayList<>();
					int i = 0;
					for (String name : values.keySet()) {
						boolean keep = name.equals("updatedAt") ? present.get(i) < 5
								: name.equals("brand") ? present.get(i) < 30 : present.get(i) < 90;
						if (keep) {
							List<String> choices = values.get(name);
							// the first choice is good: pick it three times in four, so valid campaigns occur
							String value = (picks.get(i) % 4 != 0) ? choices.get(0)
									: choices.get(picks.get(i) / 4 % choices.size());
							chosen.add("\"" + name + "\":" + value);
						}
						i++;
					}
					return "{" + String.join(",", chosen) + "}";
				});
		return Generate.oneOf(body, strings().allPossible().ofLengthBetween(0, 20));
	}

	private MockHttpServletResponse send(byte[] body) {
		try {
			return this.mvc.perform(put("/api/v1/brands/acme/campaigns/c-1")
				.header(HttpHeaders.AUTHORIZATION, "Bearer agency-secret-key")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MockMvc could not send the request", ex);
		}
	}

	private void assertClientErrorOrPublishedValid(MockHttpServletResponse response) {
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		else {
			assertThat(response.getStatus()).isEqualTo(202);
			CampaignDefined last = this.published.get(this.published.size() - 1);
			assertThat(CampaignRules.problems(last)).as(body).isEmpty();
		}
	}

}
