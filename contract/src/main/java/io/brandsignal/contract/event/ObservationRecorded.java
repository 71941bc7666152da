package io.brandsignal.contract.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A metric value that a system reported for one brand, metric, channel and day. It is an upsert of
 * that daily cell: a later event for the same cell replaces the value, so retries never double count.
 * Published to {@code Topics#OBSERVATIONS}, keyed by brand.
 *
 * @param brand lowercase slug of the brand
 * @param metric name of a catalog metric
 * @param channel lowercase slug of the channel ({@code all} when the system posts a total)
 * @param date the UTC day the value belongs to
 * @param value the value, already checked against the metric's range
 * @param receivedAt when ingest accepted it; the later of two events for one cell wins
 * @param source name of the API key that wrote it, for audit
 */
public record ObservationRecorded(String brand, String metric, String channel, LocalDate date, double value,
		Instant receivedAt, String source) {

	/**
	 * The form of brand and channel names, as a regular expression (for messages and API docs): a
	 * lowercase slug of 1 to 64 characters. {@link #isSlug} checks it without a regex.
	 */
	public static final String SLUG = "[a-z0-9][a-z0-9_-]{0,63}";

	/** The earliest day an observation may belong to. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	/** The latest day an observation received at {@code receivedAt} may belong to: the next UTC day. */
	public static LocalDate latestDate(Instant receivedAt) {
		// The UTC day by arithmetic: every observation is checked against it, and atOffset builds zone rules.
		return LocalDate.ofEpochDay(Math.floorDiv(receivedAt.getEpochSecond(), 86_400L) + 1);
	}

	/**
	 * Whether a name is a {@link #SLUG}. Hand-written because consumers check every record they read.
	 * @param name the name, may be {@code null}
	 * @return whether it is a lowercase slug
	 */
	public static boolean isSlug(String name) {
		if (name == null || name.isEmpty() || name.length() > 64 || !isLowerAlphanumeric(name.charAt(0))) {
			return false;
		}
		for (int i = 1; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!isLowerAlphanumeric(c) && c != '_' && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isLowerAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

}
