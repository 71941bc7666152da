package io.brandsignal.contract.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

import io.brandsignal.contract.catalog.MetricDefinition;

/**
 * The rules an {@link ObservationRecorded} obeys, field by field, for every service that checks one:
 * ingest before it publishes, scoring again because anything can write to a topic. Each method answers
 * a problem message phrased for the sender of the value ("must be ..., was ..."), or {@code null} when
 * the value is fine; callers prefix the field name or phrase their own message from the verdict.
 */
public final class ObservationRules {

	private static final int ECHO_LIMIT = 80;

	private ObservationRules() {
	}

	/**
	 * The problem with a brand or channel name.
	 * @param name the name, may be {@code null}
	 * @return {@code null} when it is a lowercase {@link ObservationRecorded#SLUG}, otherwise why not
	 */
	public static String slugProblem(String name) {
		if (name == null) {
			return "is required";
		}
		if (!ObservationRecorded.isSlug(name)) {
			return "must be a lowercase slug matching " + ObservationRecorded.SLUG + ", was '" + abbreviate(name) + "'";
		}
		return null;
	}

	/**
	 * The problem with the day of an observation: it must lie between {@link ObservationRecorded#EARLIEST_DATE}
	 * and the day after it was received (UTC), so systems a few hours ahead of UTC can post their today.
	 * @param date the day, may be {@code null}
	 * @param receivedAt when the observation was received; for ingest, now, hence "tomorrow" in the message
	 * @return {@code null} when the day is in range, otherwise why not
	 */
	public static String dateProblem(LocalDate date, Instant receivedAt) {
		if (date == null) {
			return "is required";
		}
		LocalDate latest = ObservationRecorded.latestDate(receivedAt);
		if (date.isBefore(ObservationRecorded.EARLIEST_DATE) || date.isAfter(latest)) {
			return "must be between " + ObservationRecorded.EARLIEST_DATE + " and " + latest + " (tomorrow, UTC), was "
					+ date;
		}
		return null;
	}

	/**
	 * The problem with a value already read as a double: {@link #valueProblem(double, MetricDefinition, Supplier)}
	 * echoing the double.
	 */
	public static String valueProblem(double value, MetricDefinition metric) {
		// Written out only for a refused value: consumers run this on every record they read.
		return isAcceptable(value, metric) ? null : valueProblem(value, metric, () -> Double.toString(value));
	}

	/**
	 * The problem with a value: it must be finite and inside the metric's range.
	 * @param value the value
	 * @param metric the metric it measures; {@code null} when the metric is unknown, then only finiteness is
	 *     checked (the unknown metric is a problem of its own)
	 * @param written the value as the sender wrote it, echoed (abbreviated) in the message; asked for only
	 *     when a finite value is out of range, so the common case formats nothing
	 * @return {@code null} when the value is acceptable, otherwise why not
	 */
	public static String valueProblem(double value, MetricDefinition metric, Supplier<String> written) {
		if (!Double.isFinite(value)) {
			return "must be a finite number";
		}
		if (!isAcceptable(value, metric)) {
			return "must be " + metric.describeRange() + " for " + metric.name() + " (" + metric.unit() + "), was "
					+ abbreviate(written.get());
		}
		return null;
	}

	private static boolean isAcceptable(double value, MetricDefinition metric) {
		return (metric != null) ? metric.accepts(value) : Double.isFinite(value);
	}

	/**
	 * Text from a sender as it is echoed in messages: whole up to 80 characters, cut with "..." beyond, so
	 * a message never carries a megabyte of someone's input.
	 */
	public static String abbreviate(String text) {
		return (text.length() <= ECHO_LIMIT) ? text : text.substring(0, ECHO_LIMIT - 3) + "...";
	}

}
