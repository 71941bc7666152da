package io.brandsignal.ingest.campaign.web;

import java.util.List;

import io.brandsignal.ingest.observation.ItemError;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code 422} answer to an invalid campaign as documented in the OpenAPI description: an RFC 9457
 * problem detail listing every problem by field. Built by the problem-details advice; this record only
 * describes it.
 *
 * @param type the problem type, {@code urn:brandsignal:problem:invalid-campaign}
 * @param title a short summary
 * @param status 422
 * @param detail how many problems, and that nothing was published
 * @param instance the request path
 * @param errors every problem: {@code field} (an element of channels as {@code channels[i]}) and {@code message}
 */
@Schema(name = "InvalidCampaignProblem")
record InvalidCampaignProblemDocument(@Schema(example = "urn:brandsignal:problem:invalid-campaign") String type,
		@Schema(example = "Invalid campaign") String title, @Schema(example = "422") int status, String detail,
		String instance, List<ItemError> errors) {
}
