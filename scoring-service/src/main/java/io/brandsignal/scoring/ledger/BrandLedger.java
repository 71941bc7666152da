package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * One brand's data per metric and channel: what scoring and the daily rollups are computed from.
 * Immutable; built from the brand's cells with {@link #builder}.
 */
public final class BrandLedger {

	private final String brand;

	private final Map<String, MetricLedger> metrics;

	private final LocalDate firstDate;

	private final LocalDate latestDate;

	private BrandLedger(String brand, Map<String, MetricLedger> metrics) {
		this.brand = brand;
		this.metrics = metrics;
		this.firstDate = metrics.values().stream().mapToLong(MetricLedger::firstDay).min().stream()
			.mapToObj(LocalDate::ofEpochDay).findFirst().orElse(null);
		this.latestDate = metrics.values().stream().mapToLong(MetricLedger::lastDay).max().stream()
			.mapToObj(LocalDate::ofEpochDay).findFirst().orElse(null);
	}

	/** Starts a ledger for a brand, read with the default rules; metrics unknown to the catalog are ignored. */
	public static Builder builder(String brand, MetricCatalog catalog) {
		return builder(brand, catalog, ScoringRules.defaults().ledger());
	}

	/** Starts a ledger for a brand; metrics unknown to the catalog are ignored. */
	public static Builder builder(String brand, MetricCatalog catalog, ScoringRules.Ledger rules) {
		return new Builder(brand, catalog, rules);
	}

	public String brand() {
		return this.brand;
	}

	/** The metrics with data, in catalog order. */
	public Collection<MetricLedger> metrics() {
		return this.metrics.values();
	}

	public Optional<MetricLedger> metric(String name) {
		return Optional.ofNullable(this.metrics.get(name));
	}

	public boolean isEmpty() {
		return this.metrics.isEmpty();
	}

	/** The brand's earliest day with data; {@code null} when empty. */
	public LocalDate firstDate() {
		return this.firstDate;
	}

	/** The brand's latest day with data, which scoring takes as {@code asOf}; {@code null} when empty. */
	public LocalDate latestDate() {
		return this.latestDate;
	}

	/**
	 * The brand's values on one day: every metric with a known total ({@link MetricLedger#total}) and the
	 * sum per tier of those values.
	 */
	public DailyRollup rollup(LocalDate date) {
		Map<String, Double> values = new LinkedHashMap<>();
		Map<MetricTier, Double> tiers = new EnumMap<>(MetricTier.class);
		long day = date.toEpochDay();
		for (MetricLedger metric : this.metrics.values()) {
			double value = metric.total(day);
			if (!Double.isNaN(value)) {
				values.put(metric.name(), value);
				tiers.merge(metric.definition().tier(), value, Double::sum);
			}
		}
		return new DailyRollup(this.brand, date, values, tiers);
	}

	/** Collects a brand's cells into a ledger. */
	public static final class Builder {

		private final String brand;

		private final MetricCatalog catalog;

		private final ScoringRules.Ledger rules;

		private final Map<String, Map<String, Cells>> cells = new HashMap<>();

		private Builder(String brand, MetricCatalog catalog, ScoringRules.Ledger rules) {
			this.brand = brand;
			this.catalog = catalog;
			this.rules = rules;
		}

		/**
		 * Adds one cell: a channel's value of a metric on a day. A cell added twice keeps the later value
		 * (the cell store already resolved which observation wins).
		 */
		public Builder add(String metric, String channel, LocalDate date, double value) {
			if (this.catalog.find(metric).isPresent()) {
				this.cells.computeIfAbsent(metric, (name) -> new HashMap<>())
					.computeIfAbsent(channel, (name) -> new Cells())
					.add(date.toEpochDay(), value);
			}
			return this;
		}

		public BrandLedger build() {
			long origin = Long.MAX_VALUE;
			long end = Long.MIN_VALUE;
			for (Map<String, Cells> channels : this.cells.values()) {
				for (Cells cells : channels.values()) {
					cells.sort();
					origin = Math.min(origin, cells.days[0]);
					end = Math.max(end, cells.days[cells.size - 1]);
				}
			}
			Map<String, MetricLedger> metrics = new LinkedHashMap<>();
			for (MetricDefinition definition : this.catalog.metrics()) {
				Map<String, Cells> channels = this.cells.get(definition.name());
				if (channels == null) {
					continue;
				}
				List<ChannelSeries> series = new ArrayList<>();
				// channels in name order, so sums are reproducible whatever the arrival order
				for (Map.Entry<String, Cells> channel : new TreeMap<>(channels).entrySet()) {
					Cells cells = channel.getValue();
					series.add(new ChannelSeries(channel.getKey(), Arrays.copyOf(cells.days, cells.size),
							Arrays.copyOf(cells.values, cells.size), origin, end, this.rules));
				}
				metrics.put(definition.name(), new MetricLedger(definition, series));
			}
			return new BrandLedger(this.brand, metrics);
		}

	}

	/** One channel's cells while a ledger is built: days and values, sorted by day on {@link #sort}. */
	private static final class Cells {

		private long[] days = new long[16];

		private double[] values = new double[16];

		private int size;

		private boolean sorted = true;

		void add(long day, double value) {
			if (this.size == this.days.length) {
				this.days = Arrays.copyOf(this.days, this.size * 2);
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.sorted &= this.size == 0 || this.days[this.size - 1] < day;
			this.days[this.size] = day;
			this.values[this.size++] = value;
		}

		/** Sorts by day (stable, so of two cells of one day the later added wins) and drops duplicates. */
		void sort() {
			if (this.sorted) {
				return;
			}
			Integer[] order = new Integer[this.size];
			for (int i = 0; i < this.size; i++) {
				order[i] = i;
			}
			long[] days = this.days;
			Arrays.sort(order, (a, b) -> Long.compare(days[a], days[b]));
			long[] sortedDays = new long[this.size];
			double[] sortedValues = new double[this.size];
			int kept = 0;
			for (Integer index : order) {
				if (kept > 0 && sortedDays[kept - 1] == days[index]) {
					kept--;
				}
				sortedDays[kept] = days[index];
				sortedValues[kept++] = this.values[index];
			}
			this.days = sortedDays;
			this.values = sortedValues;
			this.size = kept;
			this.sorted = true;
		}

	}

}
