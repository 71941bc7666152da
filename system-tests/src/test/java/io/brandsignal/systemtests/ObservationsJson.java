package io.brandsignal.systemtests;

import java.time.LocalDate;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.IntToDoubleFunction;

/**
 * Builds ingest request bodies for system tests: one metric's daily values on one channel.
 */
public final class ObservationsJson {

	private final StringJoiner items = new StringJoiner(",", "{\"observations\":[", "]}");

	/** Adds {@code days} daily values starting at {@code start}; {@code value} maps the day index to a value. */
	public ObservationsJson daily(String brand, String metric, String channel, LocalDate start, int days,
			IntToDoubleFunction value) {
		for (int day = 0; day < days; day++) {
			this.items.add(String.format(Locale.ROOT,
					"{\"brand\":\"%s\",\"metric\":\"%s\",\"channel\":\"%s\",\"date\":\"%s\",\"value\":%s}", brand,
					metric, channel, start.plusDays(day), value.applyAsDouble(day)));
		}
		return this;
	}

	@Override
	public String toString() {
		return this.items.toString();
	}

}
