package io.brandsignal.ingest.observation.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.ingest.catalog.web.MetricCatalogController;
import io.brandsignal.ingest.observation.RecordingPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract of {@code POST /api/v1/observations} and {@code GET /api/v1/metrics}, every error
 * class included, with Kafka replaced by a recording publisher. "Today" is 2026-11-20 (UTC).
 */
@WebMvcTest(controllers = { ObservationController.class, MetricCatalogController.class })
@Import(WebSliceTestConfiguration.class)
@TestPropertySource(locations = "classpath:test-keys.properties")
class ObservationControllerTests {

	private static final String SHOP = "Bearer " + WebSliceTestConfiguration.SHOP_KEY;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingPublisher publisher;

	@Autowired
	private MeterRegistry meterRegistry;

	@BeforeEach
	void reset() {
		this.publisher.reset();
	}

	@Test
	void acceptsValidJsonBatchAndPublishesEveryObservationAfterAcknowledgement() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[
				  {"brand":"acme","metric":"followers","channel":"instagram","date":"2026-11-20","value":120345},
				  {"brand":"globex","metric":"sales_revenue","date":"2026-11-21","value":5120.5}
				]}"""))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2));
		assertThat(this.publisher.batches()).containsExactly(List.of(
				new ObservationRecorded("acme", "followers", "instagram", java.time.LocalDate.of(2026, 11, 20), 120345,
						WebSliceTestConfiguration.NOW, "shop"),
				new ObservationRecorded("globex", "sales_revenue", "all", java.time.LocalDate.of(2026, 11, 21), 5120.5,
						WebSliceTestConfiguration.NOW.plusNanos(1), "shop")));
	}

	@Test
	void stampsLaterItemsOfABatchLaterSoACorrectionInTheSameCsvWins() throws Exception {
		this.mvc.perform(csv(SHOP, "brand,metric,channel,date,value\n" + "acme,followers,instagram,2026-11-20,120000\n"
				+ "acme,followers,instagram,2026-11-20,1200\n"))
			.andExpect(status().isAccepted());
		List<ObservationRecorded> batch = this.publisher.batches().get(0);
		assertThat(batch).extracting(ObservationRecorded::value).containsExactly(120000.0, 1200.0);
		assertThat(batch.get(1).receivedAt()).isAfter(batch.get(0).receivedAt());
	}

	@Test
	void rejectsWholeBatchListingEveryInvalidItem() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[
				  {"brand":"acme","metric":"followers","date":"2026-11-20","value":10},
				  {"brand":"acme","metric":"folowers","date":"2026-11-20","value":10},
				  {"brand":"acme","metric":"brand_awareness","date":"2026-11-20","value":140},
				  {"brand":"Acme","metric":"nps","date":"2026-11-22","value":-100},
				  {"brand":"acme","metric":"likes","date":"1999-12-31","value":"12","receivedAt":"2026-11-20T00:00:00Z"},
				  {"brand":"acme","metric":"sentiment","channel":"","date":"2026-02-30"},
				  42
				]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:invalid-observations"))
			.andExpect(jsonPath("$.title").value("Invalid observations"))
			.andExpect(jsonPath("$.detail").value("11 problem(s) in the batch; nothing of it was published"))
			.andExpect(jsonPath("$.errors", hasSize(11)))
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("metric"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("unknown metric 'folowers'; GET /api/v1/metrics lists the known ones"))
			.andExpect(jsonPath("$.errors[1].index").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("value"))
			.andExpect(jsonPath("$.errors[1].message").value("must be 0..100 for brand_awareness (percent), was 140"))
			.andExpect(jsonPath("$.errors[2].index").value(3))
			.andExpect(jsonPath("$.errors[2].field").value("brand"))
			.andExpect(jsonPath("$.errors[3].index").value(3))
			.andExpect(jsonPath("$.errors[3].field").value("date"))
			.andExpect(jsonPath("$.errors[3].message")
				.value("must be between 2000-01-01 and 2026-11-21 (tomorrow, UTC), was 2026-11-22"))
			.andExpect(jsonPath("$.errors[4].index").value(4))
			.andExpect(jsonPath("$.errors[4].field").value("receivedAt"))
			.andExpect(jsonPath("$.errors[4].message").value("is set by the server and must not be sent"))
			.andExpect(jsonPath("$.errors[5].field").value("value"))
			.andExpect(jsonPath("$.errors[5].message").value("must be a JSON number, was string"))
			.andExpect(jsonPath("$.errors[6].field").value("date"))
			.andExpect(jsonPath("$.errors[7].index").value(5))
			.andExpect(jsonPath("$.errors[7].field").value("channel"))
			.andExpect(jsonPath("$.errors[8].field").value("date"))
			.andExpect(jsonPath("$.errors[8].message").value("must be an ISO day (YYYY-MM-DD), was '2026-02-30'"))
			.andExpect(jsonPath("$.errors[9].field").value("value"))
			.andExpect(jsonPath("$.errors[9].message").value("is required"))
			.andExpect(jsonPath("$.errors[10].index").value(6))
			.andExpect(jsonPath("$.errors[10].field").doesNotExist())
			.andExpect(jsonPath("$.errors[10].message").value("must be a JSON object, was number"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void rejectsMissingValueAndUnknownFieldsAsValidationErrors() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[{"brand":"acme","metric":"followers","date":"2026-11-20","colour":"red"}],"extra":1}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].index").doesNotExist())
			.andExpect(jsonPath("$.errors[0].field").value("extra"))
			.andExpect(jsonPath("$.errors[0].message").value("unknown field"))
			.andExpect(jsonPath("$.errors[1].index").value(0))
			.andExpect(jsonPath("$.errors[1].field").value("colour"))
			.andExpect(jsonPath("$.errors[2].field").value("value"))
			.andExpect(jsonPath("$.errors[2].message").value("is required"));
	}

	@Test
	void rejectsEmptyBatch() throws Exception {
		this.mvc.perform(json(SHOP, "{\"observations\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("observations"))
			.andExpect(jsonPath("$.errors[0].message").value("must contain at least one observation"));
	}

	@Test
	void rejectsMalformedJsonNamingThePosition() throws Exception {
		this.mvc.perform(json(SHOP, "{\"observations\":[\n  {\"brand\":\"acme\" \"metric\":\"followers\"}\n]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("Malformed JSON at line 2, column 19")));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void rejectsDuplicateFieldsAsMalformed() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[{"brand":"acme","metric":"followers","date":"2026-11-20","value":1,"value":2}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Duplicate Object property \"value\"")));
	}

	@Test
	void rejectsDuplicateUnknownFieldsAndATwiceSentObservationsArrayAsMalformed() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[{"brand":"acme","note":"a","metric":"followers","note":"b"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", is("Malformed JSON at line 1, column 66: Duplicate Object property \"note\"")));
		this.mvc.perform(json(SHOP, "{\"observations\":[],\"observations\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Duplicate Object property \"observations\"")));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesRequestWithoutApiKey() throws Exception {
		this.mvc.perform(json(null, validBatch("acme")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"brandsignal-ingest\""))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Missing API key: send 'Authorization: Bearer <api key>'"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesUnknownApiKeyWithoutEchoingIt() throws Exception {
		this.mvc.perform(json("Bearer not-a-configured-key", validBatch("acme")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Unknown API key"));
		this.mvc.perform(json("Basic c2hvcDpzZWNyZXQ=", validBatch("acme")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The Authorization header must be 'Bearer <api key>'"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesWholeBatchWhenOneBrandIsOutsideTheKeyScope() throws Exception {
		this.mvc.perform(json(SHOP, """
				{"observations":[
				  {"brand":"acme","metric":"followers","date":"2026-11-20","value":1},
				  {"brand":"initech","metric":"followers","date":"2026-11-20","value":2}
				]}"""))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.brands", hasSize(1)))
			.andExpect(jsonPath("$.brands[0]").value("initech"))
			.andExpect(jsonPath("$.detail")
				.value("API key 'shop' may not write brand(s) initech; nothing of this batch was published"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void wildcardKeyMayWriteAnyBrand() throws Exception {
		this.mvc.perform(json("Bearer " + WebSliceTestConfiguration.AGENCY_KEY, validBatch("initech")))
			.andExpect(status().isAccepted());
		assertThat(this.publisher.batches()).hasSize(1);
		assertThat(this.publisher.batches().get(0).get(0).source()).isEqualTo("agency");
	}

	@Test
	void refusesMoreThan5000Observations() throws Exception {
		String items = IntStream.range(0, 5001)
			.mapToObj((i) -> "{\"brand\":\"acme\",\"metric\":\"likes\",\"date\":\"2026-11-20\",\"value\":" + i + "}")
			.collect(Collectors.joining(","));
		this.mvc.perform(json(SHOP, "{\"observations\":[" + items + "]}"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("The batch holds more than 5000 observations; at most 5000 are accepted per request"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void refusesBodyOver4MiB() throws Exception {
		byte[] body = new byte[4 * 1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');
		this.mvc.perform(post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, SHOP)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail")
				.value("The request body of 4194305 bytes exceeds the limit of 4194304 bytes"));
	}

	@Test
	void refusesUnsupportedContentType() throws Exception {
		this.mvc.perform(post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, SHOP)
			.contentType(MediaType.TEXT_PLAIN)
			.content("acme followers 1"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:unsupported-media-type"))
			.andExpect(jsonPath("$.detail")
				.value("Content type 'text/plain' is not supported; send application/json or text/csv"));
	}

	@Test
	void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
		this.publisher.failing(true);
		this.mvc.perform(json(SHOP, validBatch("acme")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:brandsignal:problem:kafka-unavailable"))
			.andExpect(jsonPath("$.detail").value("Kafka did not acknowledge the batch within 5000 ms"));
	}

	@Test
	void acceptsQuotedCsv() throws Exception {
		this.mvc.perform(csv(SHOP, "brand,metric,channel,date,value\r\n" + "\"acme\",\"followers\",,2026-11-19,\"100\"\r\n"
				+ "acme,nps,\"survey\",2026-11-20,-12.5\r\n"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2));
		List<ObservationRecorded> batch = this.publisher.batches().get(0);
		assertThat(batch).extracting(ObservationRecorded::metric, ObservationRecorded::channel, ObservationRecorded::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("followers", "all", 100.0),
					org.assertj.core.groups.Tuple.tuple("nps", "survey", -12.5));
	}

	@Test
	void rejectsCsvNamingTheLineOfEveryBadRow() throws Exception {
		this.mvc.perform(csv(SHOP, """
				brand,metric,channel,date,value
				acme,followers,instagram,2026-11-20,1
				acme,sentiment,instagram,2026-11-20,1.5

				acme,likes,"multi
				line",2026-11-20,3
				acme,likes,x,2026-11-20
				acme,likes,x,2026-11-20,lots
				"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(4)))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].index").doesNotExist())
			.andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].message").value("must be -1..1 for sentiment (score), was 1.5"))
			.andExpect(jsonPath("$.errors[1].line").value(5))
			.andExpect(jsonPath("$.errors[1].field").value("channel"))
			.andExpect(jsonPath("$.errors[2].line").value(7))
			.andExpect(jsonPath("$.errors[2].message").value("has 4 fields, the header has 5"))
			.andExpect(jsonPath("$.errors[3].line").value(8))
			.andExpect(jsonPath("$.errors[3].message").value("must be a number, was 'lots'"));
		assertThat(this.publisher.batches()).isEmpty();
	}

	@Test
	void rejectsCsvWithUnterminatedQuoteAsMalformed() throws Exception {
		this.mvc.perform(csv(SHOP, "brand,metric,channel,date,value\nacme,likes,\"x,2026-11-20,3\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Malformed CSV: the quoted field opened on line 2 is never closed"));
	}

	@Test
	void rejectsCsvWithWrongHeader() throws Exception {
		this.mvc.perform(csv(SHOP, "brand,metric,day,value\nacme,likes,2026-11-20,3\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].field").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value(
					"bad header: unknown column 'day'; expected brand,metric,channel,date,value (channel optional, any order)"));
	}

	@Test
	void countsAcceptedObservationsByCategoryAndTierAndRejectionsByReason() throws Exception {
		double vanity = count("brandsignal.ingest.observations.accepted", "category", "vanity");
		double outcome = count("brandsignal.ingest.observations.accepted", "category", "outcome");
		double output = count("brandsignal.ingest.observations.accepted", "tier", "output");
		double outtake = count("brandsignal.ingest.observations.accepted", "tier", "outtake");
		double impact = count("brandsignal.ingest.observations.accepted", "tier", "impact");
		double validation = count("brandsignal.ingest.batches.rejected", "reason", "validation");
		double unauthorized = count("brandsignal.ingest.batches.rejected", "reason", "unauthorized");
		long batches = this.meterRegistry.get("brandsignal.ingest.batch.size").summary().count();
		this.mvc.perform(json(SHOP, """
				{"observations":[
				  {"brand":"acme","metric":"followers","date":"2026-11-20","value":1},
				  {"brand":"acme","metric":"likes","date":"2026-11-20","value":2},
				  {"brand":"acme","metric":"orders","date":"2026-11-20","value":3}
				]}""")).andExpect(status().isAccepted());
		this.mvc.perform(json(SHOP, "{\"observations\":[{}]}")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(json(null, validBatch("acme"))).andExpect(status().isUnauthorized());
		assertThat(count("brandsignal.ingest.observations.accepted", "category", "vanity")).isEqualTo(vanity + 2);
		assertThat(count("brandsignal.ingest.observations.accepted", "category", "outcome")).isEqualTo(outcome + 1);
		assertThat(count("brandsignal.ingest.observations.accepted", "tier", "output")).isEqualTo(output + 1);
		assertThat(count("brandsignal.ingest.observations.accepted", "tier", "outtake")).isEqualTo(outtake + 1);
		assertThat(count("brandsignal.ingest.observations.accepted", "tier", "impact")).isEqualTo(impact + 1);
		assertThat(count("brandsignal.ingest.batches.rejected", "reason", "validation")).isEqualTo(validation + 1);
		assertThat(count("brandsignal.ingest.batches.rejected", "reason", "unauthorized")).isEqualTo(unauthorized + 1);
		assertThat(this.meterRegistry.get("brandsignal.ingest.batch.size").summary().count()).isEqualTo(batches + 1);
	}

	@Test
	void servesTheCatalogWithoutAKey() throws Exception {
		this.mvc.perform(get("/api/v1/metrics"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metrics", hasSize(19)))
			.andExpect(jsonPath("$.metrics[0].name").value("followers"))
			.andExpect(jsonPath("$.metrics[0].category").value("VANITY"))
			.andExpect(jsonPath("$.metrics[0].tier").value("OUTPUT"))
			.andExpect(jsonPath("$.metrics[0].kind").value("LEVEL"))
			.andExpect(jsonPath("$.metrics[0].min").value(0.0))
			.andExpect(jsonPath("$.metrics[0].max").value(nullValue()))
			.andExpect(jsonPath("$.metrics[13].name").value("nps"))
			.andExpect(jsonPath("$.metrics[13].min").value(-100.0))
			.andExpect(jsonPath("$.metrics[13].max").value(100.0))
			.andExpect(jsonPath("$.metrics[13].range").value("-100..100"));
	}

	private double count(String name, String tag, String value) {
		return this.meterRegistry.get(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
	}

	static String validBatch(String brand) {
		return "{\"observations\":[{\"brand\":\"" + brand
				+ "\",\"metric\":\"followers\",\"date\":\"2026-11-20\",\"value\":1}]}";
	}

	private static MockHttpServletRequestBuilder json(String authorization, String body) {
		MockHttpServletRequestBuilder request = post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return (authorization != null) ? request.header(HttpHeaders.AUTHORIZATION, authorization) : request;
	}

	private static MockHttpServletRequestBuilder csv(String authorization, String body) {
		return post("/api/v1/observations").header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType("text/csv")
			.content(body);
	}

}
