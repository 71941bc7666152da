package io.brandsignal.dashboard.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.FieldProblem;

/**
 * The campaign form as a person filled it in: every field as typed, so that a form with errors is shown again
 * exactly as it was. {@link #toCampaign} reads it and checks it with {@link CampaignRules}, the rules ingest's API
 * applies too.
 *
 * @param id the campaign's id (a slug)
 * @param name its name
 * @param kind a {@link CampaignKind} name
 * @param startDate its first day, {@code YYYY-MM-DD}
 * @param endDate its last day, {@code YYYY-MM-DD}
 * @param channels its channels separated by commas or spaces; {@code all} when it touched the whole brand
 * @param spend what it cost, a decimal number, or empty
 * @param currency the spend's ISO 4217 code, or empty
 * @param note free text, or empty
 */
public record CampaignForm(String id, String name, String kind, String startDate, String endDate, String channels,
		String spend, String currency, String note) {

	/** The one slug a campaign defined here may not have. */
	static final String RESERVED_ID = "new";

	/** An empty form for a new campaign: one that touched the whole brand. */
	public static CampaignForm blank() {
		return new CampaignForm("", "", CampaignKind.OTHER.name(), "", "", CampaignRules.ALL_CHANNELS, "", "", "");
	}

	/** The form filled with a campaign as defined, for editing. */
	public static CampaignForm of(CampaignDefined campaign) {
		return new CampaignForm(campaign.id(), campaign.name(), campaign.kind().name(),
				campaign.startDate().toString(), campaign.endDate().toString(), String.join(", ", campaign.channels()),
				(campaign.spend() != null) ? campaign.spend().toPlainString() : "",
				(campaign.currency() != null) ? campaign.currency() : "", (campaign.note() != null) ? campaign.note() : "");
	}

	/**
	 * The campaign this form defines, or what is wrong with it field by field.
	 * @param brand the brand it is for
	 * @param updatedAt when it is defined
	 * @param source who defines it, for audit
	 */
	public Parsed toCampaign(String brand, Instant updatedAt, String source) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (RESERVED_ID.equals(trim(this.id))) {
			// its page's address would be the form's, /brands/{brand}/campaigns/new
			errors.put("id", "must not be '" + RESERVED_ID + "': that is the address of the form for new campaigns");
		}
		LocalDate start = date("startDate", this.startDate, errors);
		LocalDate end = date("endDate", this.endDate, errors);
		CampaignKind parsedKind = null;
		if (blank(this.kind)) {
			errors.put("kind", "is required");
		}
		else {
			parsedKind = Arrays.stream(CampaignKind.values())
				.filter((candidate) -> candidate.name().equals(this.kind.trim()))
				.findFirst()
				.orElse(null);
			if (parsedKind == null) {
				errors.put("kind", "must be one of " + Arrays.toString(CampaignKind.values()));
			}
		}
		BigDecimal parsedSpend = null;
		if (!blank(this.spend)) {
			try {
				parsedSpend = new BigDecimal(this.spend.trim());
			}
			catch (NumberFormatException ex) {
				errors.put("spend", "must be a number such as 1200 or 1200.50");
			}
		}
		List<String> parsedChannels = new ArrayList<>();
		if (this.channels != null) {
			for (String channel : this.channels.split("[,\\s]+")) {
				if (!channel.isBlank()) {
					parsedChannels.add(channel.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		CampaignDefined campaign = new CampaignDefined(brand, trim(this.id), trim(this.name), parsedKind, start, end,
				parsedChannels, parsedSpend, blank(this.currency) ? null : this.currency.trim(),
				blank(this.note) ? null : this.note, updatedAt, source);
		for (FieldProblem problem : CampaignRules.problems(campaign)) {
			// a channel's problem shows at the one channels field; a field keeps its first problem, a typing error
			String field = problem.field().startsWith("channels") ? "channels" : problem.field();
			errors.putIfAbsent(field, problem.message());
		}
		// kind and dates left null by a typing error are reported once, as typed
		return errors.isEmpty() ? new Parsed(campaign, Map.of()) : new Parsed(null, Map.copyOf(errors));
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "must be a date such as 2026-03-01");
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trim(String text) {
		return (text != null) ? text.trim() : null;
	}

	/**
	 * What a form reads as.
	 *
	 * @param campaign the campaign, or {@code null} when the form has errors
	 * @param errors what is wrong, by form field; empty when valid
	 */
	public record Parsed(CampaignDefined campaign, Map<String, String> errors) {
	}

}
