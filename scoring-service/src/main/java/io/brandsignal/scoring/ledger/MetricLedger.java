package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * never a change, for the lead test.
 */
public final class MetricLedger {

	private final MetricDefinition definition;

	private final List<ChannelSeries> channels;

	MetricLedger(MetricDefinition definition, List<ChannelSeries> channels) {
		this.definition = definition;
		this.channels = List.copyOf(channels);
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

	public LocalDate firstDate() {
		return this.channels.stream().map(ChannelSeries::firstDate).min(LocalDate::compareTo).orElseThrow();
	}

	public LocalDate lastDate() {
		return this.channels.stream().map(ChannelSeries::lastDate).max(LocalDate::compareTo).orElseThrow();
	}

	/** Days in {@code [from, to]} on which any channel reported. */
	public int observedDays(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (ChannelSeries channel : this.channels) {
				if (channel.reported(day) != null) {
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
	 * @return the value, or {@code null} when unknown
	 */
	public Double total(LocalDate date) {
		double sum = 0;
		boolean any = false;
		for (ChannelSeries channel : this.channels) {
			if (this.definition.kind() == MetricKind.LEVEL) {
				Map.Entry<LocalDate, Double> carried = channel.carried(date);
				if (carried != null) {
					sum += carried.getValue();
					any = true;
				}
				continue;
			}
			Double reported = channel.reported(date);
			if (reported != null) {
				sum += reported;
				any = true;
			}
			else if (channel.daily() && channel.active(date)) {
				return null;
			}
		}
		return any ? sum : null;
	}

	/** {@link #total} for each day of {@code [from, to]}, {@link Double#NaN} where unknown. */
	public double[] totals(LocalDate from, LocalDate to) {
		double[] values = new double[days(from, to)];
		for (int i = 0; i < values.length; i++) {
			Double total = total(from.plusDays(i));
			values[i] = (total != null) ? total : Double.NaN;
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
	public double[] compositionFreeLevels(LocalDate from, LocalDate to) {
		if (this.definition.kind() == MetricKind.FLOW) {
			return totals(from, to);
		}
		double[] levels = new double[days(from, to)];
		double level = Double.NaN;
		for (int i = 0; i < levels.length; i++) {
			LocalDate day = from.plusDays(i);
			if (Double.isNaN(level)) {
				Double total = total(day);
				level = (total != null) ? total : Double.NaN;
			}
			else {
				double change = 0;
				boolean linked = false;
				for (ChannelSeries channel : this.channels) {
					Map.Entry<LocalDate, Double> today = channel.carried(day);
					Map.Entry<LocalDate, Double> yesterday = channel.carried(day.minusDays(1));
					if (today != null && yesterday != null) {
						change += today.getValue() - yesterday.getValue();
						linked = true;
					}
				}
				level = linked ? level + change : Double.NaN;
			}
			levels[i] = level;
		}
		return levels;
	}

	static int days(LocalDate from, LocalDate to) {
		return (int) Math.max(0, to.toEpochDay() - from.toEpochDay() + 1);
	}

}
