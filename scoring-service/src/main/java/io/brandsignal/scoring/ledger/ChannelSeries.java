package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * What one channel reported for one metric of a brand, read at the channel's own cadence: its
 * {@linkplain #cadenceDays() cadence} is the median number of days between its reports, and a LEVEL
 * value stays valid for a few cadences ({@link #stalenessDays()}), so a quarterly survey is not stale
 * after two weeks and a daily feed that stopped is not carried forward for months.
 */
public final class ChannelSeries {

	private final String channel;

	private final NavigableMap<LocalDate, Double> reports;

	private final int cadenceDays;

	private final int stalenessDays;

	ChannelSeries(String channel, NavigableMap<LocalDate, Double> reports, ScoringRules.Ledger rules) {
		this.channel = channel;
		this.reports = Collections.unmodifiableNavigableMap(new TreeMap<>(reports));
		this.cadenceDays = medianGap(this.reports);
		long staleness = (long) rules.stalenessCadences() * this.cadenceDays;
		this.stalenessDays = (int) Math.max(rules.minStalenessDays(), Math.min(rules.maxStalenessDays(), staleness));
	}

	public String channel() {
		return this.channel;
	}

	/** The reported days with their values. */
	public NavigableMap<LocalDate, Double> reports() {
		return this.reports;
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

	public LocalDate firstDate() {
		return this.reports.firstKey();
	}

	public LocalDate lastDate() {
		return this.reports.lastKey();
	}

	/** The value reported for the day, or {@code null}. */
	public Double reported(LocalDate date) {
		return this.reports.get(date);
	}

	/**
	 * The latest report on or before the day that is not yet stale, or {@code null}: a LEVEL channel's
	 * value on that day.
	 */
	public Map.Entry<LocalDate, Double> carried(LocalDate date) {
		Map.Entry<LocalDate, Double> known = this.reports.floorEntry(date);
		if (known == null || known.getKey().plusDays(this.stalenessDays).isBefore(date)) {
			return null;
		}
		return known;
	}

	/**
	 * Whether the channel is connected on the day: it had reported by then, and it reported again later
	 * or its last report is recent enough that more are expected.
	 */
	public boolean active(LocalDate date) {
		if (date.isBefore(firstDate())) {
			return false;
		}
		return !date.isAfter(lastDate()) || !lastDate().plusDays(this.stalenessDays).isBefore(date);
	}

	private static int medianGap(NavigableMap<LocalDate, Double> reports) {
		if (reports.size() < 2) {
			return 1;
		}
		long[] gaps = new long[reports.size() - 1];
		LocalDate previous = null;
		int i = 0;
		for (LocalDate date : reports.keySet()) {
			if (previous != null) {
				gaps[i++] = date.toEpochDay() - previous.toEpochDay();
			}
			previous = date;
		}
		Arrays.sort(gaps);
		return (int) Math.max(1, gaps[(gaps.length - 1) / 2]);
	}

}
