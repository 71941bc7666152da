package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;

/**
 * One metric of one brand, per channel, read the way its kind demands:
 * <ul>
 * <li>a {@link MetricKind#LEVEL} channel carries its last report forward until it is stale (judged
 * against its own cadence); the brand's value is the sum of its channels' carried values;</li>
 * <li>a {@link MetricKind#FLOW} day is known only when it is <em>complete</em>: every daily channel
 * connected that day reported it (a channel that reports less often than daily adds its value on its
 * own days). A day on which an active channel has not reported is unknown, never smaller.</li>
 * </ul>
 * {@link #compositionFreeLevels} gives the LEVEL series in which connecting or dropping a channel is
 * never a change, for the lead test. Days are epoch days; {@link LocalDate} overloads are for readers.
 */
public final class MetricLedger {

	private final MetricDefinition definition;

	private final List<ChannelSeries> channels;

	private final long firstDay;

	private final long lastDay;

	MetricLedger(MetricDefinition definition, List<ChannelSeries> channels) {
		this.definition = definition;
		this.channels = List.copyOf(channels);
		this.firstDay = channels.stream().mapToLong(ChannelSeries::firstDay).min().orElseThrow();
		this.lastDay = channels.stream().mapToLong(ChannelSeries::lastDay).max().orElseThrow();
	}

	public MetricDefinition definition() {
		return this.definition;
	}

	public String name() {
		return this.definition.name();
	}

	/** The channels that reported this metric, in channel-name order. */
	public List<ChannelSeries> channels() {
		return this.channels;
	}

	public long firstDay() {
		return this.firstDay;
	}

	public long lastDay() {
		return this.lastDay;
	}

	/** Days in {@code [from, to]} on which any channel reported. */
	public int observedDays(long from, long to) {
		int days = 0;
		for (long day = from; day <= to; day++) {
			for (ChannelSeries channel : this.channels) {
				if (!Double.isNaN(channel.reported(day))) {
					days++;
					break;
				}
			}
		}
		return days;
	}

	/**
	 * The brand's value on a day: for a LEVEL the sum of the channels' carried values (unknown when no
	 * channel has one), for a FLOW the sum of the reports if the day is complete, else unknown.
	 * @return the value, or {@link Double#NaN} when unknown
	 */
	public double total(long day) {
		double sum = 0;
		boolean any = false;
		boolean level = this.definition.kind() == MetricKind.LEVEL;
		for (ChannelSeries channel : this.channels) {
			double value = level ? channel.carried(day) : channel.reported(day);
			if (!Double.isNaN(value)) {
				sum += value;
				any = true;
			}
			else if (!level && channel.daily() && channel.active(day)) {
				return Double.NaN;
			}
		}
		return any ? sum : Double.NaN;
	}

	/** {@link #total(long)} of a date, {@code null} when unknown. */
	public Double total(LocalDate date) {
		double total = total(date.toEpochDay());
		return Double.isNaN(total) ? null : total;
	}

	/** {@link #total(long)} for each day of {@code [from, to]}, {@link Double#NaN} where unknown. */
	public double[] totals(long from, long to) {
		double[] values = new double[days(from, to)];
		for (int i = 0; i < values.length; i++) {
			values[i] = total(from + i);
		}
		return values;
	}

	/**
	 * For a LEVEL metric, the brand's level over {@code [from, to]} chained from day-to-day changes of the
	 * channels known on both days: a channel's first value, or its disappearance, moves the series by
	 * nothing, while a weekly channel's report moves it by the week's change. The series starts at the
	 * brand's total on the first known day. {@link Double#NaN} where no channel is known on both a day and
	 * the day before (the chain restarts at the next known total). For a FLOW metric, {@link #totals}.
	 */
	public double[] compositionFreeLevels(long from, long to) {
		if (this.definition.kind() == MetricKind.FLOW) {
			return totals(from, to);
		}
		double[] levels = new double[days(from, to)];
		double level = Double.NaN;
		for (int i = 0; i < levels.length; i++) {
			long day = from + i;
			if (Double.isNaN(level)) {
				level = total(day);
			}
			else {
				double change = 0;
				boolean linked = false;
				for (ChannelSeries channel : this.channels) {
					double today = channel.carried(day);
					double yesterday = channel.carried(day - 1);
					if (!Double.isNaN(today) && !Double.isNaN(yesterday)) {
						change += today - yesterday;
						linked = true;
					}
				}
				level = linked ? level + change : Double.NaN;
			}
			levels[i] = level;
		}
		return levels;
	}

	/** {@link #compositionFreeLevels(long, long)} of dates. */
	public double[] compositionFreeLevels(LocalDate from, LocalDate to) {
		return compositionFreeLevels(from.toEpochDay(), to.toEpochDay());
	}

	static int days(long from, long to) {
		return (int) Math.max(0, to - from + 1);
	}

}
