package io.brandsignal.ingest.campaign.web;

import java.math.BigDecimal;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.event.ObservationRecorded;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON request body of {@code PUT /api/v1/brands/{brand}/campaigns/{id}}, as documented in the OpenAPI
 * description. The body itself is read field by field so every problem can be reported at once; this
 * record only describes it. The limits are the contract's {@link CampaignRules}.
 *
 * @param brand the brand; optional, must equal the path's
 * @param id the campaign id; optional, must equal the path's
 * @param name a name for people
 * @param kind what kind of action
 * @param startDate first UTC day
 * @param endDate last UTC day, inclusive
 * @param channels channels the campaign ran on
 * @param spend cost, in {@code currency}
 * @param currency ISO 4217 code of the spend
 * @param note free text
 */
@Schema(name = "Campaign", description = "A campaign of a brand; sending it again replaces it",
		additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record CampaignDocument(
		@Schema(pattern = ObservationRecorded.SLUG, example = "acme",
				description = "Optional; when sent, must equal the brand of the path") String brand,
		@Schema(pattern = ObservationRecorded.SLUG, example = "spring-giveaway-2026",
				description = "Optional; when sent, must equal the id of the path") String id,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = CampaignRules.MAX_NAME_LENGTH,
				example = "Spring giveaway", description = "One line, not blank") String name,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "GIVEAWAY") CampaignKind kind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-03-01",
				description = "First UTC day, from 2000-01-01") String startDate,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-03-14",
				description = "Last UTC day, inclusive: on or after startDate, at most 366 days counting both, "
						+ "at most 2 years ahead") String endDate,
		@ArraySchema(minItems = 1, maxItems = CampaignRules.MAX_CHANNELS, uniqueItems = true,
				arraySchema = @Schema(description = "Channels the campaign ran on; default [\"all\"] (the brand as a whole), "
						+ "'all' only alone"),
				schema = @Schema(pattern = ObservationRecorded.SLUG, example = "instagram")) List<String> channels,
		@Schema(minimum = "0", example = "4800.50",
				description = "What the campaign cost, below 10^12, with at most the currency's decimal places") BigDecimal spend,
		@Schema(pattern = "[A-Z]{3}", example = "EUR",
				description = "ISO 4217 code; required with spend, only with spend") String currency,
		@Schema(maxLength = CampaignRules.MAX_NOTE_LENGTH, example = "Prize: an e-bike",
				description = "Free text; line breaks allowed") String note) {
}
