package io.brandsignal.systemtests.security;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.systemtests.ObservationsJson;
import io.brandsignal.systemtests.SystemTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static io.brandsignal.systemtests.security.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker holding any ingest key sends bodies built to exhaust the parser (issue 12, finding 1):
 * each is answered with the precise 4xx problem, never a 5xx, and after fifty of them ingest still
 * accepts a valid batch and reports itself healthy.
 */
class HostileBodiesSecurityTests {

	/** ingest's documented body limit: 4 MB ({@code brandsignal.ingest.limits.max-body-size}, 4 × 1024² bytes). */
	private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

	/** ingest's documented batch limit ({@code brandsignal.ingest.limits.max-batch-items}). */
	private static final int MAX_BATCH_ITEMS = 5000;

	/** How many problems a 422 lists at most; {@code errorCount} says how many there were. */
	private static final int MAX_LISTED_ERRORS = 100;

	private static final int HOSTILE_BODIES = 50;

	private static final String CSV_HEADER = "brand,metric,channel,date,value\n";

	private static LocalStack stack;

	@BeforeAll
	static void startStack() {
		stack = SystemTestStack.get();
	}

	@Test
	void answersFourMegabytesOfCommasWithOneHeaderProblem() {
		// One header line of 4,194,305 empty columns: the header allows at most 16 columns.
		JsonNode problem = assertProblem(postCsv(",".repeat(MAX_BODY_BYTES)), 422, "invalid-observations");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(1);
		assertThat(problem.path("errors").get(0).path("message").asString()).startsWith("bad header: more than 16 columns");
	}

	@Test
	void answersFourMegabytesOfEmptyLinesWithOneHeaderProblem() {
		// The header line is "," (two empty column names); the two million lines after it are never read.
		JsonNode problem = assertProblem(postCsv(",\n".repeat(MAX_BODY_BYTES / 2)), 422, "invalid-observations");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
		assertThat(problem.path("errors").get(0).path("message").asString()).startsWith("bad header: an empty column name");
	}

	@Test
	void refusesAValidHeaderFollowedByMillionsOfEmptyRowsAsTooLarge() {
		String rows = ",,,,\n".repeat((MAX_BODY_BYTES - CSV_HEADER.length()) / 5);
		JsonNode problem = assertProblem(postCsv(CSV_HEADER + rows), 413, "batch-too-large");
		assertThat(problem.path("detail").asString()).contains("more than " + MAX_BATCH_ITEMS + " rows");
	}

	@Test
	void countsEveryProblemButListsTheFirstHundred() {
		// 5,000 rows of five empty cells: brand, metric, date and value are each missing (channel may be
		// empty), so 4 problems a row, 20,000 in all.
		JsonNode problem = assertProblem(postCsv(CSV_HEADER + ",,,,\n".repeat(MAX_BATCH_ITEMS)), 422,
				"invalid-observations");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(4 * MAX_BATCH_ITEMS);
		assertThat(problem.path("errors")).hasSize(MAX_LISTED_ERRORS);
		// Body order: line 2 (the first row) has the first four problems, line 26 the last four listed.
		assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(problem.path("errors").get(MAX_LISTED_ERRORS - 1).path("line").asInt()).isEqualTo(26);
	}

	@Test
	void refusesDeeplyNestedJsonAsMalformed() {
		// The body, its array and an item need three levels; a million open brackets are refused at the ninth.
		String body = "{\"observations\":[" + "[".repeat(1_000_000);
		JsonNode problem = assertProblem(postJson(body), 400, "malformed-body");
		assertThat(problem.path("detail").asString()).startsWith("Malformed JSON");
	}

	@Test
	void refusesOneItemMoreThanTheBatchLimit() {
		String body = new ObservationsJson()
			.daily("sec-hostile", "followers", "all", LocalDate.of(2000, 1, 1), MAX_BATCH_ITEMS + 1, (day) -> day)
			.toString();
		JsonNode problem = assertProblem(postJson(body), 413, "batch-too-large");
		assertThat(problem.path("detail").asString()).contains("more than " + MAX_BATCH_ITEMS + " observations");
	}

	@Test
	void refusesAValueTooSmallForADoubleWithoutWritingItOut() {
		// 10^-1,000,000,000 is not 0 but rounds to 0 as a double; written out it would have a billion digits.
		String body = "{\"observations\":[{\"brand\":\"sec-hostile\",\"metric\":\"followers\",\"channel\":\"all\","
				+ "\"date\":\"2026-10-01\",\"value\":1e-1000000000}]}";
		JsonNode problem = assertProblem(postJson(body), 422, "invalid-observations");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
		JsonNode error = problem.path("errors").get(0);
		assertThat(error.path("index").asInt()).isZero();
		assertThat(error.path("field").asString()).isEqualTo("value");
		assertThat(error.path("message").asString()).startsWith("must be a finite double").endsWith("was 1E-1000000000");
	}

	@Test
	void refusesABodyOverTheLimitSentWithoutALength() {
		// JSON whitespace one byte past the limit, chunked: no Content-Length to refuse it by up front.
		byte[] body = ("{\"observations\":[" + " ".repeat(MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = SystemTestStack.send(observations("application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
		JsonNode problem = assertProblem(response, 413, "batch-too-large");
		assertThat(problem.path("detail").asString())
			.isEqualTo("The request body exceeds the limit of " + MAX_BODY_BYTES + " bytes");
	}

	@Test
	void staysUpAndAcceptsAValidBatchAfterFiftyHostileBodies() {
		List<Supplier<HttpResponse<String>>> hostile = List.of(() -> postCsv(",".repeat(MAX_BODY_BYTES)),
				() -> postCsv(",\n".repeat(MAX_BODY_BYTES / 2)),
				() -> postCsv(CSV_HEADER + ",,,,\n".repeat((MAX_BODY_BYTES - CSV_HEADER.length()) / 5)),
				() -> postJson("{\"observations\":[" + "[".repeat(MAX_BODY_BYTES - 20)),
				() -> postJson(manyInvalidItems()));
		double heapBefore = IngestHeap.usedBytes(stack.ingestUrl());
		int answersLost = 0;
		for (int i = 0; i < HOSTILE_BODIES; i++) {
			try {
				HttpResponse<String> response = hostile.get(i % hostile.size()).get();
				assertThat(response.statusCode()).as("hostile body %d: %s", i, response.body()).isBetween(400, 499);
			}
			catch (UncheckedIOException ex) {
				// Refused after its first line, a body leaves megabytes unread; Tomcat drains at most 2 MB
				// (server.tomcat.max-swallow-size) and otherwise closes the connection, which may cut off the answer.
				answersLost++;
			}
		}
		double heapAfter = IngestHeap.usedBytes(stack.ingestUrl());
		System.out.printf(Locale.ROOT, "[security] ingest heap used (sum over heap pools): %.1f MB before, "
				+ "%.1f MB after %d hostile bodies of up to 4 MB (-Xmx512m); %d answers cut off by a closed connection%n",
				heapBefore / 1e6, heapAfter / 1e6, HOSTILE_BODIES, answersLost);

		String valid = new ObservationsJson()
			.daily("sec-hostile", "followers", "all", LocalDate.of(2026, 10, 1), 3, (day) -> 100 + day)
			.toString();
		assertThat(postObservations(stack, valid).statusCode()).isEqualTo(202);
		HttpResponse<String> health = SystemTestStack.get(stack.ingestUrl().resolve("/actuator/health"));
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(Problems.read(health.body()).path("status").asString()).isEqualTo("UP");
		assertThat(stack.stoppedServices()).isEmpty();
	}

	/** 5,000 items with an unknown metric each: 5,000 problems, 100 listed. */
	private static String manyInvalidItems() {
		StringJoiner items = new StringJoiner(",", "{\"observations\":[", "]}");
		String value = "1" + "0".repeat(90);
		for (int i = 0; i < MAX_BATCH_ITEMS; i++) {
			items.add("{\"brand\":\"sec-hostile\",\"metric\":\"no-such-metric-" + i
					+ "\",\"channel\":\"all\",\"date\":\"2026-10-01\",\"value\":" + value + "}");
		}
		return items.toString();
	}

	private static HttpResponse<String> postCsv(String body) {
		return SystemTestStack
			.send(observations("text/csv").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private static HttpResponse<String> postJson(String body) {
		return SystemTestStack
			.send(observations("application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private static HttpRequest.Builder observations(String contentType) {
		URI url = stack.ingestUrl().resolve("/api/v1/observations");
		return HttpRequest.newBuilder(url)
			.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.apiKey())
			.header("Content-Type", contentType);
	}

}
