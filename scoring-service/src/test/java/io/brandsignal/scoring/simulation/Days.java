package io.brandsignal.scoring.simulation;

import java.time.LocalDate;

/**
 * The calendar of one simulated brand: {@code count} consecutive days from {@code first}. Day
 * indexes run {@code 0..count-1}; the last index is the brand's latest day, which scoring takes as
 * its {@code asOf} unless every channel is late that day.
 */
record Days(LocalDate first, int count) {

	LocalDate date(int day) {
		return this.first.plusDays(day);
	}

	/** Monday 0 .. Sunday 6. */
	int dayOfWeek(int day) {
		return date(day).getDayOfWeek().getValue() - 1;
	}

	int last() {
		return this.count - 1;
	}

	/** The first day of the scoring window that ends on the last day. */
	int windowStart(int windowDays) {
		return this.count - windowDays;
	}

}
