package io.brandsignal.ingest.observation.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bodies built to exhaust memory or CPU are refused with a small, precise 4xx answer: the readers stop at
 * the first cap they hit, and a 422 lists at most 100 problems while stating how many there were. Sizes
 * are the documented limits: 4 MiB per body, 5,000 observations per batch.
 */
@WebMvcTest(controllers = ObservationController.class)
@Import(WebSliceTestConfiguration.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class ObservationHostileBodyTests {

	private static final String SHOP = "Bearer " + WebSliceTestConfiguration.SHOP_KEY;

	private static final int FOUR_MIB = 4 * 1024 * 1024;

	/** Far more than any answer listing 100 problems needs. */
	private static final int SMALL_ANSWER = 32 * 1024;

	private static final String HEADER_RULE = "expected brand,metric,channel,date,value (channel optional, any order)";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingPublisher publisher;

	@Autowired
	private ObservationController controller;

	@BeforeEach
	void reset() {
		this.publisher.reset();
	}

	@Test
	void answersFourMebibytesOfCommasWithOneHeaderError() throws Exception {
		byte[] body = new byte[FOUR_MIB];
		Arrays.fill(body, (byte) ',');
		MockHttpServletResponse response = send("text/csv", body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].field").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value("bad header: more than 16 columns; " + HEADER_RULE))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsByteArray().length).isLessThan(SMALL_ANSWER);
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void answersFourMebibytesOfEmptyRecordsWithOneHeaderError() throws Exception {
		byte[] body = ",\n".repeat(FOUR_MIB / 2).getBytes(StandardCharsets.US_ASCII);
		MockHttpServletResponse response = send("text/csv", body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].message").value("bad header: an empty column name; " + HEADER_RULE))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsByteArray().length).isLessThan(SMALL_ANSWER);
	}

	@Test
	void echoesAnOverlongHeaderNameTruncated() throws Exception {
		String name = "x".repeat(200);
		send("text/csv", ("brand,metric," + name + ",value\n").getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].message")
				.value("bad header: unknown column '" + "x".repeat(37) + "...'; " + HEADER_RULE));
	}

	@Test
	void refusesCsvWithMoreRowsThanTheLimitBeforeReadingTheRest() throws Exception {
		// The unterminated quote after row 5,001 would make the body malformed (400) if it were read.
		String csv = "brand,metric,date,value\n" + "acme,likes,2026-11-20,1\n".repeat(5001) + "\"never closed";
		send("text/csv", csv.getBytes(StandardCharsets.US_ASCII)).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value("The CSV holds more than 5000 rows; at most 5000 are accepted per request"));
	}

	@Test
	void refusesCsvFieldLongerThan256Characters() throws Exception {
		String csv = "brand,metric,date,value\n" + "acme,likes,2026-11-20,1\n" + "acme,likes,2026-11-20," + "9".repeat(257)
				+ "\n";
		send("text/csv", csv.getBytes(StandardCharsets.US_ASCII)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Malformed CSV on line 3: a field is longer than 256 characters"));
	}

	@Test
	void countsRowsWithTooManyFieldsWithoutKeepingThem() throws Exception {
		String csv = "brand,metric,date,value\n" + ",".repeat(100_000) + "\n";
		send("text/csv", csv.getBytes(StandardCharsets.US_ASCII)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("has 100001 fields, the header has 4"));
	}

	@Test
	void listsTheFirst100ProblemsAndCountsTheRest() throws Exception {
		String csv = "brand,metric,date,value\n" + "acme,likes,2026-11-20,-1\n".repeat(5000);
		send("text/csv", csv.getBytes(StandardCharsets.US_ASCII)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("5000 problem(s) in the batch, the first 100 listed; nothing of it was published"))
			.andExpect(jsonPath("$.errorCount").value(5000))
			.andExpect(jsonPath("$.errors", hasSize(100)))
			.andExpect(jsonPath("$.errors[99].line").value(101))
			.andExpect(jsonPath("$.errors[99].message").value("must be >= 0 for likes (count), was -1"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesJsonBatchOfMoreThan5000ItemsBeforeReadingTheRest() throws Exception {
		String items = IntStream.range(0, 5001)
			.mapToObj((i) -> "{\"brand\":\"acme\",\"metric\":\"likes\",\"date\":\"2026-11-20\",\"value\":" + i + "}")
			.collect(Collectors.joining(","));
		// Left unclosed: reading to the end would find the body malformed (400).
		send(MediaType.APPLICATION_JSON_VALUE, ("{\"observations\":[" + items + ",{").getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail")
				.value("The batch holds more than 5000 observations; at most 5000 are accepted per request"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesDeeplyNestedJson() throws Exception {
		String body = "{\"observations\":[{\"brand\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
		send(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("nesting depth (9) exceeds the maximum allowed (8)")));
	}

	@Test
	void reportsAnItemWithMoreThan8FieldsOnce() throws Exception {
		String unknown = IntStream.range(0, 10_000).mapToObj((i) -> "\"f" + i + "\":0").collect(Collectors.joining(","));
		send(MediaType.APPLICATION_JSON_VALUE, ("{\"observations\":[{\"brand\":\"acme\",\"metric\":\"likes\","
				+ "\"date\":\"2026-11-20\",\"value\":1," + unknown + "}]}").getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message")
				.value("has more than 8 fields; an observation has brand, metric, channel, date and value"));
	}

	@Test
	void refusesTenThousandDistinctOrRepeatedUnknownNamesWithOneErrorWithoutRememberingThemAll() throws Exception {
		// the reader keeps at most 8 unknown names per object: a repeat far beyond them is not looked for, the
		// object is refused as too big anyway
		String unknown = IntStream.range(0, 10_000).mapToObj((i) -> "\"f" + i + "\":0").collect(Collectors.joining(","));
		send(MediaType.APPLICATION_JSON_VALUE, ("{\"observations\":[{\"brand\":\"acme\"," + unknown
				+ ",\"f9999\":1}]}").getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors[0].message")
				.value("has more than 8 fields; an observation has brand, metric, channel, date and value"));
		send(MediaType.APPLICATION_JSON_VALUE, ("{" + unknown + ",\"f9999\":1,\"observations\":[]}")
			.getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors[0].message")
				.value("has 10001 unknown fields; expected {\"observations\":[...]}"));
	}

	@Test
	void refusesJsonStringLongerThan256Characters() throws Exception {
		String body = "{\"observations\":[{\"brand\":\"" + "a".repeat(FOUR_MIB - 100) + "\"}]}";
		send(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("exceeds the maximum allowed (256)")));
	}

	@Test
	void refusesBodyDeclaredLargerThanTheLimitWithoutReadingIt() throws Exception {
		byte[] body = new byte[10 * 1024 * 1024];
		Arrays.fill(body, (byte) ',');
		send("text/csv", body).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value("The request body of 10485760 bytes exceeds the limit of 4194304 bytes"));
	}

	@Test
	void refusesBodyWithoutDeclaredLengthOnceItExceedsTheLimit() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/observations") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] body = new byte[FOUR_MIB + 1];
		Arrays.fill(body, (byte) ' ');
		request.setContent(body);
		assertThatThrownBy(() -> this.controller.post(new ApiClient("shop", Set.of("acme"), false), request))
			.isInstanceOf(BatchTooLargeException.class)
			.hasMessage("The request body exceeds the limit of 4194304 bytes");
	}

	@Test
	void refusesNonZeroValueTooSmallForADoubleInsteadOfStoringZero() throws Exception {
		send(MediaType.APPLICATION_JSON_VALUE, item("1e-1000000000")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("must be a finite double: 0 or at least 4.9E-324 in magnitude, was 1E-1000000000"));
		send("text/csv", "brand,metric,date,value\nacme,likes,2026-11-20,-1e-1000000000\n".getBytes(StandardCharsets.US_ASCII))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].message")
				.value("must be a finite double: 0 or at least 4.9E-324 in magnitude, was -1E-1000000000"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesValueTooLargeForADouble() throws Exception {
		send(MediaType.APPLICATION_JSON_VALUE, item("1e1000000000")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a finite number"));
	}

	private static byte[] item(String value) {
		return ("{\"observations\":[{\"brand\":\"acme\",\"metric\":\"likes\",\"date\":\"2026-11-20\",\"value\":" + value
				+ "}]}").getBytes(StandardCharsets.US_ASCII);
	}

	private ResultActions send(String contentType, byte[] body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, SHOP)
				.contentType(contentType)
				.content(body))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
