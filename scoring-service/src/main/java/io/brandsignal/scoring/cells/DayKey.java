package io.brandsignal.scoring.cells;

import java.time.LocalDate;

import io.brandsignal.contract.event.DailyRollup;

/**
 * The {@code brand|date} key of a brand's day, built and read here only. It is the key of the daily
 * rollups on their topic ({@link DailyRollup#key}, the wire definition this delegates to) and of the
 * scoring state stores that hold one entry per brand and day (cells, published rollups). One brand's
 * keys share the prefix {@code brand|} and sort by date, so a brand is one prefix scan.
 */
public final class DayKey {

	private static final char SEPARATOR = '|';

	private DayKey() {
	}

	/** The key of a brand's day. */
	public static String of(String brand, LocalDate date) {
		return DailyRollup.key(brand, date);
	}

	/** The prefix every day key of the brand starts with. */
	public static String prefix(String brand) {
		return brand + SEPARATOR;
	}

	/**
	 * A bound above every day key of the brand and below every other brand's keys that sort after
	 * them: {@code ~} follows every character of a date, and {@code |} every character of a slug.
	 */
	public static String upperBound(String brand) {
		return brand + SEPARATOR + '~';
	}

	/** A bound above every key of the brand and below the next brand's keys: {@code }} follows {@code |}. */
	static String afterBrand(String brand) {
		return brand + (char) (SEPARATOR + 1);
	}

	/** The brand of a day key. */
	static String brandOf(String key) {
		return key.substring(0, key.lastIndexOf(SEPARATOR));
	}

	/** The day of a day key. */
	public static LocalDate dateOf(String key) {
		return parseDate(key.substring(key.lastIndexOf(SEPARATOR) + 1));
	}

	/**
	 * A {@code yyyy-MM-dd} day as {@link LocalDate#parse} reads it, without the formatter machinery: a
	 * recompute reads hundreds of keys.
	 */
	public static LocalDate parseDate(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return LocalDate.parse(text);
		}
		return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
				Integer.parseInt(text, 8, 10, 10));
	}

}
