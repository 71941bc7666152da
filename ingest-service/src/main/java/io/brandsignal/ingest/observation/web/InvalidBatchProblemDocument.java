package io.brandsignal.ingest.observation.web;

import java.util.List;

import io.brandsignal.ingest.observation.ItemError;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code 422} problem body as documented in the OpenAPI description: an RFC 9457 problem detail with
 * the list of every invalid item. Built by the problem-details advice; this record only describes it.
 *
 * @param type the problem type, {@code urn:brandsignal:problem:invalid-observations}
 * @param title a short summary
 * @param status 422
 * @param detail how many problems, and that nothing was published
 * @param instance the request path
 * @param errors every problem: JSON {@code index} or CSV {@code line}, {@code field}, {@code message}
 */
@Schema(name = "InvalidBatchProblem")
record InvalidBatchProblemDocument(@Schema(example = "urn:brandsignal:problem:invalid-observations") String type,
		@Schema(example = "Invalid observations") String title, @Schema(example = "422") int status,
		String detail, String instance, List<ItemError> errors) {
}
