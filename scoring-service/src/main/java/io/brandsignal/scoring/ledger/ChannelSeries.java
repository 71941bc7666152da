package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.Arrays;

import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * What one channel reported for one metric of a brand, read at the channel's own cadence: its
 * {@linkplain #cadenceDays() cadence} is the median number of days between its reports, and a LEVEL
 * value stays valid for a few cadences ({@link #stalenessDays()}), so a quarterly survey is not stale
 * after two weeks and a daily feed that stopped is not carried forward for months.
 * <p>
 * Days are epoch days ({@link LocalDate#toEpochDay()}); the reports are kept in arrays indexed by day
 * over the brand's span, so every look-up a recompute makes is constant time.
 */
public final class ChannelSeries {

	private final String channel;

	/** Report days, ascending, and their values. */
	private final long[] days;

	private final double[] values;

	private final int cadenceDays;

	private final int stalenessDays;

	/** First epoch day of the dense arrays: the brand's first day. */
	private final long origin;

	/** Per day from {@link #origin}: the index of the latest report on or before it, -1 before the first. */
	private final int[] latestReport;

	ChannelSeries(String channel, long[] days, double[] values, long origin, long end, ScoringRules.Ledger rules) {
		this.channel = channel;
		this.days = days;
		this.values = values;
		this.origin = origin;
		this.latestReport = new int[(int) (end - origin + 1)];
		int report = -1;
		for (int i = 0; i < this.latestReport.length; i++) {
			while (report + 1 < days.length && days[report + 1] <= origin + i) {
				report++;
			}
			this.latestReport[i] = report;
		}
		this.cadenceDays = medianGap(days);
		long staleness = (long) rules.stalenessCadences() * this.cadenceDays;
		this.stalenessDays = (int) Math.max(rules.minStalenessDays(), Math.min(rules.maxStalenessDays(), staleness));
	}

	public String channel() {
		return this.channel;
	}

	/** The number of reports. */
	public int reports() {
		return this.days.length;
	}

	/** The epoch day of report {@code i} (ascending). */
	public long reportDay(int i) {
		return this.days[i];
	}

	/** The value of report {@code i}. */
	public double reportValue(int i) {
		return this.values[i];
	}

	/** The median number of days between consecutive reports; 1 for a channel with a single report. */
	public int cadenceDays() {
		return this.cadenceDays;
	}

	/** How many days after a report a LEVEL value is still carried forward. */
	public int stalenessDays() {
		return this.stalenessDays;
	}

	/** Whether the channel reports about daily, so that a day without its report is a missing day. */
	public boolean daily() {
		return this.cadenceDays <= 1;
	}

	public long firstDay() {
		return this.days[0];
	}

	public long lastDay() {
		return this.days[this.days.length - 1];
	}

	/** The index of the latest report on or before the day, -1 when there is none. */
	public int latestReportOnOrBefore(long day) {
		if (day < this.origin) {
			return -1;
		}
		long index = day - this.origin;
		return (index < this.latestReport.length) ? this.latestReport[(int) index] : this.days.length - 1;
	}

	/** The index of the earliest report on or after the day, -1 when there is none. */
	public int earliestReportOnOrAfter(long day) {
		int latest = latestReportOnOrBefore(day);
		if (latest >= 0 && this.days[latest] == day) {
			return latest;
		}
		return (latest + 1 < this.days.length) ? latest + 1 : -1;
	}

	/** The value reported for the day, {@link Double#NaN} when none. */
	public double reported(long day) {
		int latest = latestReportOnOrBefore(day);
		return (latest >= 0 && this.days[latest] == day) ? this.values[latest] : Double.NaN;
	}

	/**
	 * The latest report on or before the day unless it is stale: a LEVEL channel's value on that day;
	 * {@link Double#NaN} when there is none.
	 */
	public double carried(long day) {
		int latest = latestReportOnOrBefore(day);
		return (latest >= 0 && this.days[latest] + this.stalenessDays >= day) ? this.values[latest] : Double.NaN;
	}

	/** {@link #carried(long)} of a date, {@code null} when unknown. */
	public Double carried(LocalDate date) {
		double value = carried(date.toEpochDay());
		return Double.isNaN(value) ? null : value;
	}

	/**
	 * Whether the channel is connected on the day: it had reported by then, and it reported again later
	 * or its last report is recent enough that more are expected.
	 */
	public boolean active(long day) {
		return day >= firstDay() && (day <= lastDay() || lastDay() + this.stalenessDays >= day);
	}

	private static int medianGap(long[] days) {
		if (days.length < 2) {
			return 1;
		}
		long[] gaps = new long[days.length - 1];
		for (int i = 1; i < days.length; i++) {
			gaps[i - 1] = days[i] - days[i - 1];
		}
		Arrays.sort(gaps);
		return (int) Math.max(1, gaps[(gaps.length - 1) / 2]);
	}

}
