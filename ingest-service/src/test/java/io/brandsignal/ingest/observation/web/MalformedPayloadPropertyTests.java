package io.brandsignal.ingest.observation.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.access.ApiKeyDefinition;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.auth.ApiKeyProperties;
import io.brandsignal.ingest.auth.web.ApiKeyInterceptor;
import io.brandsignal.ingest.campaign.CampaignMetrics;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.ObservationIngestService;
import io.brandsignal.ingest.observation.ObservationValidator;
import io.brandsignal.ingest.observation.RecordingPublisher;
import io.brandsignal.ingest.ratelimit.RateLimitProperties;
import io.brandsignal.ingest.ratelimit.RateLimiter;
import io.brandsignal.ingest.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whatever a client sends, bad input is answered with a 4xx problem, never a 5xx: random bytes, damaged
 * valid batches, random JSON shapes and random CSV all go through the real readers, validator, key check
 * and problem-details advice.
 */
class MalformedPayloadPropertyTests {

	private static final String VALID = """
			{"observations":[{"brand":"acme","metric":"followers","channel":"instagram","date":"2026-11-20","value":120345},
			{"brand":"acme","metric":"nps","date":"2026-11-19","value":-12.5}]}""";

	private final MockMvc mvc = mockMvc();

	private static MockMvc mockMvc() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
		IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
		ObservationIngestService service = new ObservationIngestService(
				new ObservationValidator(MetricCatalog.defaults(), clock), new RecordingPublisher(), metrics, clock);
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new ApiKeyProperties(List.of(new ApiKeyDefinition(
				"agency", "d984d3ff6afdcf990a152bce1d06d89443a89f19524819857f7938041b17dafd", List.of("*")))));
		RateLimiter unlimited = new RateLimiter(new RateLimitProperties(false, 1, 1, Duration.ofSeconds(1)));
		return MockMvcBuilders
			.standaloneSetup(new ObservationController(service, new IngestLimits(5000, DataSize.ofMegabytes(4))))
			.setControllerAdvice(new ProblemDetailsAdvice(metrics, new CampaignMetrics(new SimpleMeterRegistry())))
			.addInterceptors(new ApiKeyInterceptor(authenticator, unlimited))
			.build();
	}

	@Test
	void randomBytesNeverYield5xx() {
		examples().forAll(randomBytes(), contentTypes())
			.checkAssert((body, contentType) -> assertClientError(send(contentType, body)));
	}

	@Test
	void damagedValidBatchesNeverYield5xx() {
		examples().forAll(damagedBatches())
			.checkAssert((body) -> assertClientError(send(MediaType.APPLICATION_JSON_VALUE, utf8(body))));
	}

	@Test
	void randomlyShapedJsonNeverYields5xx() {
		examples().forAll(randomBatches())
			.checkAssert((body) -> assertClientError(send(MediaType.APPLICATION_JSON_VALUE, utf8(body))));
	}

	@Test
	void randomCsvNeverYields5xx() {
		examples().forAll(csvBodies()).checkAssert((body) -> assertClientError(send("text/csv", utf8(body))));
	}

	/** 300 generated cases per property; a failure is shrunk and reported with the seed that replays it. */
	private static QuickTheory examples() {
		return QuickTheory.qt().withExamples(300);
	}

	private static Gen<byte[]> randomBytes() {
		return Generate.byteArrays(Generate.range(0, 255), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
			.describedAs(Arrays::toString);
	}

	private static Gen<String> contentTypes() {
		return Generate.pick(List.of(MediaType.APPLICATION_JSON_VALUE, "text/csv", "text/plain", "application/xml",
				"application/json;charset=UTF-8"));
	}

	private static Gen<String> damagedBatches() {
		Gen<String> insert = text("{}[]\",:0123456789eE.-+ \\nultrfa\u0000\u00e9", 5);
		// One damage in ten at the very start or end, where leading and trailing garbage is read.
		Gen<Integer> position = Generate.frequency(Pair.of(9, Generate.range(0, VALID.length())),
				Pair.of(1, Generate.pick(List.of(0, VALID.length()))));
		return position.zip(insert, Generate.range(0, 5), (at, text, removed) ->
				VALID.substring(0, at) + text + VALID.substring(Math.min(VALID.length(), at + removed)));
	}

	private static Gen<String> randomBatches() {
		Gen<String> names = Generate.pick(List.of("brand", "metric", "channel", "date", "value", "receivedAt",
				"source", "x", ""));
		Gen<String> values = Generate.oneOf(Generate.pick(List.of("null", "true", "[]", "{}", "\"\"", "\"acme\"",
				"\"followers\"", "\"2026-11-20\"", "\"2026-13-45\"", "1e400", "-1e400", "0", "-0.0",
				"12345678901234567890123", "\"NaN\"")), doubles().any().map((number) -> Double.toString(number)),
				strings().allPossible().ofLengthBetween(0, 10)
					.map((s) -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
		Gen<String> field = names.zip(values, (name, value) -> "\"" + name + "\":" + value);
		Gen<String> object = lists().of(field).ofSizeBetween(0, 7).map((fields) -> "{" + String.join(",",
				uniqueNames(fields)) + "}");
		Gen<String> item = Generate.oneOf(object, values);
		Gen<String> batch = lists().of(item).ofSizeBetween(0, 5)
			.map((items) -> "{\"observations\":[" + String.join(",", items) + "]}");
		return Generate.oneOf(batch, values, item);
	}

	private static Gen<String> csvBodies() {
		Gen<String> cell = Generate.oneOf(Generate.pick(List.of("acme", "followers", "nps", "2026-11-20",
				"\"q\"\"uoted\"", "\"unterminated", "1e999", "-5", "", "\"a,b\"", "\"multi\nline\"")),
				text("abc,\"\r\n 0123-.", 8));
		Gen<String> row = lists().of(cell).ofSizeBetween(0, 7).map((cells) -> String.join(",", cells));
		Gen<String> header = Generate.pick(List.of("brand,metric,channel,date,value", "brand,metric,date,value",
				"value,date,metric,brand", "brand,brand", "", "\uFEFFbrand,metric,channel,date,value"));
		return header.zip(lists().of(row).ofSizeBetween(0, 6), Generate.pick(List.of("\n", "\r\n", "\r")),
				(head, rows, newline) -> head + newline + String.join(newline, rows));
	}

	/** Strings of up to {@code maxLength} characters drawn from {@code alphabet}. */
	private static Gen<String> text(String alphabet, int maxLength) {
		List<Character> characters = alphabet.chars().mapToObj((c) -> (char) c).toList();
		return lists().of(Generate.pick(characters)).ofSizeBetween(0, maxLength).map((chosen) -> {
			StringBuilder text = new StringBuilder(chosen.size());
			chosen.forEach(text::append);
			return text.toString();
		});
	}

	/** The fields {@code "name":value} with each name's first occurrence only, as a JSON object allows. */
	private static List<String> uniqueNames(List<String> fields) {
		Map<String, String> byName = new LinkedHashMap<>();
		fields.forEach((field) -> byName.putIfAbsent(field.substring(0, field.indexOf(':')), field));
		return List.copyOf(byName.values());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse send(String contentType, byte[] body) {
		try {
			return this.mvc.perform(post("/api/v1/observations")
				.header(HttpHeaders.AUTHORIZATION, "Bearer agency-secret-key")
				.contentType(contentType)
				.content(body)).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MockMvc could not send the request", ex);
		}
	}

	private static void assertClientError(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
			.isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
	}

}
