package io.brandsignal.ingest.observation.web;

import java.util.List;

import io.brandsignal.ingest.observation.ItemError;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code 422} problem body as documented in the OpenAPI description: an RFC 9457 problem detail with
 * the number of problems and the first 100 of them. Built by the problem-details advice; this record only describes it.
 *
 * @param type the problem type, {@code urn:brandsignal:problem:invalid-observations}
 * @param title a short summary
 * @param status 422
 * @param detail how many problems, how many are listed, and that nothing was published
 * @param instance the request path
 * @param errorCount how many problems the batch has in all
 * @param errors the first 100 problems in body order: JSON {@code index} or CSV {@code line}, {@code field},
 *     {@code message}
 */
@Schema(name = "InvalidBatchProblem")
record InvalidBatchProblemDocument(@Schema(example = "urn:brandsignal:problem:invalid-observations") String type,
		@Schema(example = "Invalid observations") String title, @Schema(example = "422") int status,
		String detail, String instance, @Schema(example = "2") int errorCount, List<ItemError> errors) {
}
