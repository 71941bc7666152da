package io.brandsignal.contract.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

	/** The earliest day an observation may belong to. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	/** The latest day an observation received at {@code receivedAt} may belong to: the next UTC day. */
	public static LocalDate latestDate(Instant receivedAt) {
		return receivedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
	}

	/** The daily cell this observation writes. */
	public String cellId() {
		return this.brand + '|' + this.metric + '|' + this.channel + '|' + this.date;
	}

}
