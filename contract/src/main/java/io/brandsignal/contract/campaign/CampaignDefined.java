package io.brandsignal.contract.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A campaign of a brand as last defined: a marketing action over a span of days on some channels, with
 * its spend when known, against which scoring measures a lift. Published to the compacted
 * {@code Topics#CAMPAIGNS} keyed by {@link #key(String, String)}; a later definition of the same campaign
 * replaces the earlier one, and a tombstone (a {@code null} value) under the key deletes it. The rules every
 * field obeys are {@link CampaignRules}.
 *
 * @param brand lowercase slug of the brand
 * @param id lowercase slug naming the campaign within its brand, chosen by the sender
 * @param name a name for people, e.g. "Spring giveaway"
 * @param kind what kind of action it is
 * @param startDate the first UTC day of the campaign
 * @param endDate the last UTC day of the campaign (inclusive; the same day as {@code startDate} for a one-day action)
 * @param channels the channels the campaign ran on ({@code all} when it touched the brand as a whole); the
 *     brand's other channels may serve as controls
 * @param spend what the campaign cost, in {@code currency}, or {@code null} when unknown
 * @param currency ISO 4217 code of {@code spend}, or {@code null} without spend
 * @param note free text for people, or {@code null}
 * @param updatedAt when ingest accepted this definition; the later of two definitions of a campaign wins
 * @param source name of the API key (or user) that wrote it, for audit
 */
public record CampaignDefined(String brand, String id, String name, CampaignKind kind, LocalDate startDate,
		LocalDate endDate, List<String> channels, BigDecimal spend, String currency, String note, Instant updatedAt,
		String source) {

	private static final char SEPARATOR = '|';

	public CampaignDefined {
		// Not List.copyOf: a record read from the topic may hold a null channel, which the rules must report.
		channels = (channels != null) ? Collections.unmodifiableList(new ArrayList<>(channels)) : List.of();
	}

	/**
	 * The record key of a campaign: unique per (brand, id), so compaction keeps its last definition or its
	 * tombstone. A slug never holds {@code |}, so the key reads back unambiguously.
	 */
	public static String key(String brand, String id) {
		return brand + SEPARATOR + id;
	}

	/** This campaign's record key. */
	public String key() {
		return key(this.brand, this.id);
	}

	/**
	 * The brand of a campaign key, e.g. of a tombstone's.
	 * @throws IllegalArgumentException when the key is no {@code brand|id}
	 */
	public static String brandOfKey(String key) {
		return key.substring(0, separator(key));
	}

	/**
	 * The campaign id of a campaign key.
	 * @throws IllegalArgumentException when the key is no {@code brand|id}
	 */
	public static String idOfKey(String key) {
		return key.substring(separator(key) + 1);
	}

	private static int separator(String key) {
		int at = key.indexOf(SEPARATOR);
		if (at <= 0 || at == key.length() - 1) {
			throw new IllegalArgumentException("A campaign key is brand|id, was '" + key + "'");
		}
		return at;
	}

}
