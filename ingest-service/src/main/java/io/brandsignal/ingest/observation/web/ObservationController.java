package io.brandsignal.ingest.observation.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;


import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.ObservationIngestService;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/observations}: the door through which systems post metric observations, as a JSON
 * batch or a CSV file. A batch is answered {@code 202} only after Kafka acknowledged all of it.
 */
@RestController
@Tag(name = "observations", description = "Post metric observations")
public class ObservationController {

	static final String PATH = "/api/v1/observations";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String TEXT_CSV = "text/csv";

	private static final String JSON_EXAMPLE = """
			{"observations":[
			  {"brand":"acme","metric":"followers","channel":"instagram","date":"2026-11-20","value":120345},
			  {"brand":"acme","metric":"sales_revenue","date":"2026-11-20","value":5120.5}
			]}""";

	private static final String CSV_EXAMPLE = """
			brand,metric,channel,date,value
			acme,followers,instagram,2026-11-20,120345
			acme,sales_revenue,all,2026-11-20,5120.5
			""";

	private final ObservationIngestService ingestService;

	private final IngestLimits limits;

	private final JsonBatchReader jsonReader;

	private final CsvBatchReader csvReader;

	public ObservationController(ObservationIngestService ingestService, IngestLimits limits) {
		this.ingestService = ingestService;
		this.limits = limits;
		this.jsonReader = new JsonBatchReader(limits.maxBatchItems());
		this.csvReader = new CsvBatchReader(limits.maxBatchItems());
	}

	@PostMapping(path = PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, TEXT_CSV },
			produces = { MediaType.APPLICATION_JSON_VALUE, PROBLEM })
	@Operation(summary = "Post a batch of observations as JSON or CSV",
			description = "Each observation upserts the daily cell (brand, metric, channel, date). The batch is "
					+ "all or nothing: one invalid item refuses it with 422 counting every problem and listing the first 100 (JSON: "
					+ "the item's index; CSV: its line, the header being line 1). Accepted batches are published in one Kafka "
					+ "transaction and answered 202 once the broker acknowledged them. CSV is UTF-8 with RFC 4180 "
					+ "quoting and the header brand,metric,channel,date,value (an empty channel means 'all'); a year "
					+ "of daily data for a brand fits in one request.",
			security = @SecurityRequirement(name = "apiKey"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ObservationBatchDocument.class),
					examples = @ExampleObject(name = "two observations", value = JSON_EXAMPLE)),
			@Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "two rows", value = CSV_EXAMPLE)) })
	@AcceptedOrProblem
	public ResponseEntity<BatchAccepted> post(
			@Parameter(hidden = true) @RequestAttribute(ApiClient.REQUEST_ATTRIBUTE) ApiClient client,
			HttpServletRequest request) throws IOException {
		boolean csv = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.valueOf(TEXT_CSV));
		long max = this.limits.maxBodySize().toBytes();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			throw tooLarge(declared);
		}
		ParsedBatch batch;
		try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), max, () -> tooLarge(-1))) {
			batch = csv ? this.csvReader.read(body) : this.jsonReader.read(body);
		}
		int accepted = this.ingestService.ingest(client, batch);
		return ResponseEntity.accepted().body(new BatchAccepted(accepted));
	}

	private BatchTooLargeException tooLarge(long size) {
		return new BatchTooLargeException("The request body " + ((size >= 0) ? "of " + size + " bytes " : "")
				+ "exceeds the limit of " + this.limits.maxBodySize().toBytes() + " bytes");
	}

	/**
	 * The request body, read as the readers go and refused with 413 the moment it exceeds the limit, so a
	 * body without a (truthful) length is never buffered whole either.
	 */
	private static final class SizeLimitedInputStream extends FilterInputStream {

		private final long max;

		private final Supplier<BatchTooLargeException> tooLarge;

		private long count;

		SizeLimitedInputStream(InputStream in, long max, Supplier<BatchTooLargeException> tooLarge) {
			super(in);
			this.max = max;
			this.tooLarge = tooLarge;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			counted(skipped);
			return skipped;
		}

		private void counted(long n) {
			this.count += n;
			if (this.count > this.max) {
				throw this.tooLarge.get();
			}
		}

	}

	/** The responses every post may get, for the OpenAPI description. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "202", description = "Published and acknowledged by Kafka",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = BatchAccepted.class)))
	@ApiResponse(responseCode = "400", description = "Malformed body, including JSON nested deeper than 8 levels and strings, names or CSV fields over 256 characters; the detail names line and column",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = """
							{"type":"about:blank","title":"Malformed request body","status":400,
							 "detail":"Malformed JSON at line 1, column 17: Unexpected character ('}' (code 125))"}""")))
	@ApiResponse(responseCode = "401", description = "Missing or unknown API key",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The batch names a brand outside the key's scope; nothing published",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "Body over the size limit (4 MiB) or more than 5,000 observations",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "Content type other than application/json or text/csv",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Invalid items; 'errorCount' says how many problems, 'errors' lists the first 100 (index or line, field, message)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = InvalidBatchProblemDocument.class),
					examples = @ExampleObject(value = """
							{"type":"about:blank","title":"Invalid observations","status":422,
							 "detail":"2 problem(s) in the batch; nothing of it was published","errorCount":2,
							 "errors":[{"index":0,"field":"metric","message":"unknown metric 'folowers'; GET /api/v1/metrics lists the known ones"},
							           {"index":3,"field":"value","message":"must be 0..100 for brand_awareness (percent), was 140"}]}""")))
	@ApiResponse(responseCode = "429", description = "The key's rate limit is used up; see Retry-After",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time; the batch may or may not be stored, so send it again after Retry-After (a re-sent observation replaces itself, never counts twice)",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@interface AcceptedOrProblem {

	}

}
