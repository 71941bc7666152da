package io.brandsignal.ingest.campaign.web;

import java.io.IOException;
import java.io.InputStream;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.ingest.auth.ApiClient;
import io.brandsignal.ingest.campaign.CampaignIngestService;
import io.brandsignal.ingest.observation.BatchTooLargeException;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT} and {@code DELETE /api/v1/brands/{brand}/campaigns/{id}}: systems define, redefine and delete a
 * brand's campaigns. Both answer only after Kafka acknowledged the definition or the tombstone.
 */
@RestController
@Tag(name = "campaigns", description = "Define and delete a brand's campaigns")
public class CampaignController {

	/** The path of one campaign; the API-key check guards everything below {@code /api/v1/brands}. */
	public static final String PATH = "/api/v1/brands/{brand}/campaigns/{id}";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String EXAMPLE = """
			{"name":"Spring giveaway","kind":"GIVEAWAY","startDate":"2026-03-01","endDate":"2026-03-14",
			 "channels":["instagram","tiktok"],"spend":4800.50,"currency":"EUR","note":"Prize: an e-bike"}""";

	private final CampaignIngestService ingestService;

	public CampaignController(CampaignIngestService ingestService) {
		this.ingestService = ingestService;
	}

	@PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, PROBLEM })
	@Operation(summary = "Define or redefine a campaign",
			description = "Upserts the campaign (brand, id): sending it again replaces it, so retries are safe. "
					+ "Every field is checked and every problem listed (422); brand and id in the body are optional "
					+ "and must equal the path's. Answered 202 with the campaign as published once Kafka "
					+ "acknowledged it on the compacted topic brandsignal.campaigns.v1 (key brand|id); scoring "
					+ "measures its lift from there.",
			security = @SecurityRequirement(name = "apiKey"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CampaignDocument.class),
					examples = @ExampleObject(name = "a giveaway with spend", value = EXAMPLE)))
	@ApiResponse(responseCode = "202", description = "Published and acknowledged by Kafka; the campaign as published",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CampaignDefined.class)))
	@ApiResponse(responseCode = "400", description = "Malformed JSON; the detail names line and column",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "Body over 16 KiB",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "Content type other than application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@CampaignProblems
	public ResponseEntity<CampaignDefined> put(
			@Parameter(hidden = true) @RequestAttribute(ApiClient.REQUEST_ATTRIBUTE) ApiClient client,
			@BrandParameter @PathVariable String brand, @IdParameter @PathVariable String id,
			HttpServletRequest request) throws IOException {
		// Before the body is read: a key without the brand costs no parsing.
		this.ingestService.authorize(client, brand, id);
		CampaignDefined campaign = this.ingestService.define(client, brand, id,
				CampaignJsonReader.read(boundedBody(request)));
		return ResponseEntity.accepted().body(campaign);
	}

	@DeleteMapping(path = PATH, produces = { MediaType.APPLICATION_JSON_VALUE, PROBLEM })
	@Operation(summary = "Delete a campaign",
			description = "Publishes a tombstone for (brand, id) and answers 204 once Kafka acknowledged it; readers "
					+ "forget the campaign. Deleting a campaign that does not exist is answered the same, so retries are safe.",
			security = @SecurityRequirement(name = "apiKey"))
	@ApiResponse(responseCode = "204", description = "Tombstone published and acknowledged by Kafka")
	@CampaignProblems
	public ResponseEntity<Void> delete(
			@Parameter(hidden = true) @RequestAttribute(ApiClient.REQUEST_ATTRIBUTE) ApiClient client,
			@BrandParameter @PathVariable String brand, @IdParameter @PathVariable String id) {
		this.ingestService.delete(client, brand, id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body, refused with 413 beyond {@link CampaignJsonReader#MAX_BODY_BYTES} before more than that is
	 * buffered, whatever length it declares.
	 */
	private static byte[] boundedBody(HttpServletRequest request) throws IOException {
		int max = CampaignJsonReader.MAX_BODY_BYTES;
		long declared = request.getContentLengthLong();
		if (declared > max) {
			throw tooLarge("of " + declared + " bytes ");
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(max + 1);
			if (bytes.length > max) {
				throw tooLarge("");
			}
			return bytes;
		}
	}

	private static BatchTooLargeException tooLarge(String size) {
		return new BatchTooLargeException("The request body " + size + "exceeds the limit of "
				+ CampaignJsonReader.MAX_BODY_BYTES + " bytes for a campaign");
	}

	/** The brand of the path, for the OpenAPI description. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@Parameter(description = "Brand slug", example = "acme", schema = @Schema(pattern = ObservationRecorded.SLUG))
	@interface BrandParameter {

	}

	/** The campaign id of the path, for the OpenAPI description. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@Parameter(description = "Campaign id, a slug chosen by the sender", example = "spring-giveaway-2026",
			schema = @Schema(pattern = ObservationRecorded.SLUG))
	@interface IdParameter {

	}

	/** The problems both operations may answer with, for the OpenAPI description. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "401", description = "Missing or unknown API key",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The brand is outside the key's scope; nothing published",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Invalid campaign or path; 'errors' lists every problem by field",
			content = @Content(mediaType = PROBLEM,
					schema = @Schema(implementation = InvalidCampaignProblemDocument.class),
					examples = @ExampleObject(value = """
							{"type":"urn:brandsignal:problem:invalid-campaign","title":"Invalid campaign","status":422,
							 "detail":"2 problem(s) in the campaign; nothing of it was published",
							 "errors":[{"field":"endDate","message":"must be on or after startDate 2026-03-14, was 2026-03-01"},
							           {"field":"currency","message":"is required when spend is given"}]}""")))
	@ApiResponse(responseCode = "429", description = "The key's rate limit is used up; see Retry-After",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time; send the same request again after Retry-After (it replaces itself)",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@interface CampaignProblems {

	}

}
