package io.brandsignal.ingest.observation.web;

import java.util.List;

import io.brandsignal.contract.event.ObservationRecorded;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON request body of {@code POST /api/v1/observations}, as documented in the OpenAPI description.
 * The body itself is read field by field so every problem can be reported at once; this record only
 * describes it.
 *
 * @param observations the observations, 1 to 5,000 of them
 */
@Schema(name = "ObservationBatch", description = "A batch of observations, accepted or refused as a whole")
record ObservationBatchDocument(@ArraySchema(minItems = 1, maxItems = 5000,
		schema = @Schema(implementation = Item.class)) List<Item> observations) {

	/**
	 * One observation: an upsert of the daily cell (brand, metric, channel, date).
	 *
	 * @param brand brand slug
	 * @param metric catalog metric
	 * @param channel channel slug, default {@code all}
	 * @param date UTC day
	 * @param value value in the metric's range
	 */
	@Schema(name = "Observation", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Item(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = ObservationRecorded.SLUG,
					example = "acme") String brand,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "followers",
					description = "A metric of GET /api/v1/metrics") String metric,
			@Schema(pattern = ObservationRecorded.SLUG, defaultValue = "all", example = "instagram") String channel,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-11-20",
					description = "The UTC day the value belongs to, 2000-01-01 to tomorrow") String date,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "120345",
					description = "A finite number inside the metric's range") double value) {
	}

}
