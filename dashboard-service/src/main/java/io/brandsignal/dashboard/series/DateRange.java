package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * A range of days, both ends inclusive.
 *
 * @param from first day
 * @param to last day
 */
public record DateRange(LocalDate from, LocalDate to) {

	/** Number of days in the range. */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/**
	 * The range a request asks for. A missing {@code to} is the brand's latest day; a missing
	 * {@code from} makes the range {@code defaultDays} long.
	 * @param from the {@code from} parameter, ISO date or blank
	 * @param to the {@code to} parameter, ISO date or blank
	 * @param latestDay the brand's latest day, asked only when {@code to} is missing
	 * @param defaultDays length of the range when {@code from} is missing
	 * @param maxDays the longest range allowed
	 * @return the range
	 * @throws InvalidRangeException when a date is malformed, the range is reversed or too long
	 */
	public static DateRange parse(String from, String to, Supplier<LocalDate> latestDay, int defaultDays,
			int maxDays) {
		LocalDate end = isBlank(to) ? latestDay.get() : date("to", to);
		LocalDate start = isBlank(from) ? end.minusDays(defaultDays - 1L) : date("from", from);
		if (start.isAfter(end)) {
			throw new InvalidRangeException("'from' (" + start + ") must not be after 'to' (" + end + ").");
		}
		DateRange range = new DateRange(start, end);
		if (range.days() > maxDays) {
			throw new InvalidRangeException(
					"The range spans " + range.days() + " days; at most " + maxDays + " days can be asked for.");
		}
		return range;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static LocalDate date(String name, String value) {
		LocalDate date;
		try {
			date = LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRangeException("'" + name + "' must be an ISO date such as 2026-11-20.");
		}
		// ISO dates may carry signed years far beyond what date arithmetic on them can survive
		if (date.getYear() < 1900 || date.getYear() > 9999) {
			throw new InvalidRangeException("'" + name + "' must be a date between 1900-01-01 and 9999-12-31.");
		}
		return date;
	}

}
