package io.brandsignal.ingest.observation.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.ingest.auth.ApiKeyAuthenticator;
import io.brandsignal.ingest.auth.ApiKeyProperties;
import io.brandsignal.ingest.auth.ApiKeyProperties.ApiKeyDefinition;
import io.brandsignal.ingest.auth.web.ApiKeyInterceptor;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.ObservationIngestService;
import io.brandsignal.ingest.observation.ObservationValidator;
import io.brandsignal.ingest.observation.RecordingPublisher;
import io.brandsignal.ingest.ratelimit.RateLimitProperties;
import io.brandsignal.ingest.ratelimit.RateLimiter;
import io.brandsignal.ingest.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
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
			.setControllerAdvice(new ProblemDetailsAdvice(metrics))
			.addInterceptors(new ApiKeyInterceptor(authenticator, unlimited))
			.build();
	}

	@Property(tries = 300)
	void randomBytesNeverYield5xx(@ForAll byte[] body, @ForAll("contentTypes") String contentType) throws Exception {
		assertClientError(send(contentType, body));
	}

	@Property(tries = 300)
	void damagedValidBatchesNeverYield5xx(@ForAll("damagedBatches") String body) throws Exception {
		assertClientError(send(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8)));
	}

	@Property(tries = 300)
	void randomlyShapedJsonNeverYields5xx(@ForAll("randomBatches") String body) throws Exception {
		assertClientError(send(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8)));
	}

	@Property(tries = 300)
	void randomCsvNeverYields5xx(@ForAll("csvBodies") String body) throws Exception {
		assertClientError(send("text/csv", body.getBytes(StandardCharsets.UTF_8)));
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of(MediaType.APPLICATION_JSON_VALUE, "text/csv", "text/plain", "application/xml",
				"application/json;charset=UTF-8");
	}

	@Provide
	Arbitrary<String> damagedBatches() {
		Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length());
		Arbitrary<String> insert = Arbitraries.strings().withChars("{}[]\",:0123456789eE.-+ \\nultrfa\u0000\u00e9")
			.ofMaxLength(5);
		Arbitrary<Integer> cut = Arbitraries.integers().between(0, 5);
		return Combinators.combine(position, insert, cut).as((at, text, removed) -> VALID.substring(0, at) + text
				+ VALID.substring(Math.min(VALID.length(), at + removed)));
	}

	@Provide
	Arbitrary<String> randomBatches() {
		Arbitrary<String> names = Arbitraries.of("brand", "metric", "channel", "date", "value", "receivedAt", "source",
				"x", "");
		Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("null", "true", "[]", "{}", "\"\"", "\"acme\"",
				"\"followers\"", "\"2026-11-20\"", "\"2026-13-45\"", "1e400", "-1e400", "0", "-0.0", "12345678901234567890123",
				"\"NaN\""), Arbitraries.doubles().map(Object::toString),
				Arbitraries.strings().ofMaxLength(10).map((s) -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
		Arbitrary<String> field = Combinators.combine(names, values).as((name, value) -> "\"" + name + "\":" + value);
		Arbitrary<String> item = Arbitraries.oneOf(
				field.list().ofMaxSize(7).uniqueElements((f) -> f.substring(0, f.indexOf(':')))
					.map((fields) -> "{" + String.join(",", fields) + "}"),
				values);
		return Arbitraries.oneOf(item.list().ofMaxSize(5).map((items) -> "{\"observations\":[" + String.join(",", items) + "]}"),
				values, item);
	}

	@Provide
	Arbitrary<String> csvBodies() {
		Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of("acme", "followers", "nps", "2026-11-20", "\"q\"\"uoted\"",
				"\"unterminated", "1e999", "-5", "", "\"a,b\"", "\"multi\nline\""),
				Arbitraries.strings().withChars("abc,\"\r\n 0123-.").ofMaxLength(8));
		Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(7).map((cells) -> String.join(",", cells));
		Arbitrary<String> header = Arbitraries.of("brand,metric,channel,date,value", "brand,metric,date,value",
				"value,date,metric,brand", "brand,brand", "", "\uFEFFbrand,metric,channel,date,value");
		return Combinators.combine(header, row.list().ofMaxSize(6), Arbitraries.of("\n", "\r\n", "\r"))
			.as((head, rows, newline) -> head + newline + String.join(newline, rows));
	}

	private MockHttpServletResponse send(String contentType, byte[] body) throws Exception {
		return this.mvc.perform(post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, "Bearer agency-secret-key")
			.contentType(contentType)
			.content(body)).andReturn().getResponse();
	}

	private static void assertClientError(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
	}

}
