package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;

/**
 * One metric's daily totals for one brand (already summed over channels), read the way its kind
 * demands: a {@link MetricKind#LEVEL} carries its last known value forward over missing days, a
 * {@link MetricKind#FLOW} is unknown on days without data.
 */
public final class MetricHistory {

	private final MetricDefinition definition;

	private final NavigableMap<LocalDate, Double> observed;

	MetricHistory(MetricDefinition definition, NavigableMap<LocalDate, Double> observed) {
		this.definition = definition;
		this.observed = Collections.unmodifiableNavigableMap(new TreeMap<>(observed));
	}

	/** Builds a history from daily totals, for tests and callers outside a ledger. */
	public static MetricHistory of(MetricDefinition definition, Map<LocalDate, Double> totals) {
		return new MetricHistory(definition, new TreeMap<>(totals));
	}

	public MetricDefinition definition() {
		return this.definition;
	}

	public String name() {
		return this.definition.name();
	}

	/** The days that have a reported value, with their totals. */
	public NavigableMap<LocalDate, Double> observed() {
		return this.observed;
	}

	/** Whether a value was reported for this day (not carried forward). */
	public boolean observedOn(LocalDate date) {
		return this.observed.containsKey(date);
	}

	/**
	 * The metric's value on a day: the reported total, or for a LEVEL the last earlier total carried
	 * forward; {@code null} when unknown.
	 */
	public Double valueOn(LocalDate date) {
		if (this.definition.kind() == MetricKind.FLOW) {
			return this.observed.get(date);
		}
		Map.Entry<LocalDate, Double> known = this.observed.floorEntry(date);
		return (known != null) ? known.getValue() : null;
	}

	/** Number of days in {@code [from, to]} with a reported value. */
	public int observedDays(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			return 0;
		}
		return this.observed.subMap(from, true, to, true).size();
	}

	/**
	 * The values of the days {@code [from, to]} as an array, {@link Double#NaN} where unknown; LEVEL
	 * values carried forward.
	 */
	public double[] series(LocalDate from, LocalDate to) {
		int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
		double[] values = new double[Math.max(days, 0)];
		for (int i = 0; i < values.length; i++) {
			Double value = valueOn(from.plusDays(i));
			values[i] = (value != null) ? value : Double.NaN;
		}
		return values;
	}

	public LocalDate firstDate() {
		return this.observed.isEmpty() ? null : this.observed.firstKey();
	}

	public LocalDate lastDate() {
		return this.observed.isEmpty() ? null : this.observed.lastKey();
	}

}
