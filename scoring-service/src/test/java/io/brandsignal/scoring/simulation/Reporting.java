package io.brandsignal.scoring.simulation;

/**
 * When a channel's feed delivers a value: its cadence, the day it was connected, days it was down
 * (an outage) and how many of the latest days have not arrived yet (late data).
 *
 * @param period days between reports (1 daily, 7 weekly, 91 quarterly)
 * @param phase the day index of one report; reports fall on {@code phase + n * period}
 * @param firstDay the day the channel was connected; nothing before it
 * @param gapFrom first day of an outage, or -1 for none
 * @param gapTo last day of the outage (inclusive)
 * @param lateDays how many of the brand's latest days have not been reported yet
 */
record Reporting(int period, int phase, int firstDay, int gapFrom, int gapTo, int lateDays) {

	static Reporting daily() {
		return new Reporting(1, 0, 0, -1, -1, 0);
	}

	/** Every {@code period} days, one of them on {@code phase}. */
	static Reporting every(int period, int phase) {
		return new Reporting(period, Math.floorMod(phase, period), 0, -1, -1, 0);
	}

	/** Weekly on the given day of the week (Monday 0). */
	static Reporting weeklyOn(Days days, int dayOfWeek) {
		return every(7, Math.floorMod(dayOfWeek - days.dayOfWeek(0), 7));
	}

	Reporting connectedOn(int day) {
		return new Reporting(this.period, this.phase, day, this.gapFrom, this.gapTo, this.lateDays);
	}

	Reporting downBetween(int from, int toInclusive) {
		return new Reporting(this.period, this.phase, this.firstDay, from, toInclusive, this.lateDays);
	}

	Reporting late(int days) {
		return new Reporting(this.period, this.phase, this.firstDay, this.gapFrom, this.gapTo, days);
	}

	boolean reports(Days days, int day) {
		return day >= this.firstDay && Math.floorMod(day - this.phase, this.period) == 0
				&& (day < this.gapFrom || day > this.gapTo) && day <= days.last() - this.lateDays;
	}

}
