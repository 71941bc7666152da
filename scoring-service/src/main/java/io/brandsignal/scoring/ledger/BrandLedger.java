package io.brandsignal.scoring.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.DailyRollup;

/**
 * One brand's daily values per metric, summed over channels: what scoring and the daily rollups
 * are computed from. Immutable; built from the brand's daily cells with {@link #builder}.
 */
public final class BrandLedger {

	private final String brand;

	private final Map<String, MetricHistory> metrics;

	private final LocalDate firstDate;

	private final LocalDate latestDate;

	private BrandLedger(String brand, Map<String, MetricHistory> metrics) {
		this.brand = brand;
		this.metrics = metrics;
		this.firstDate = metrics.values().stream().map(MetricHistory::firstDate).min(LocalDate::compareTo).orElse(null);
		this.latestDate = metrics.values().stream().map(MetricHistory::lastDate).max(LocalDate::compareTo).orElse(null);
	}

	/** Starts a ledger for a brand; metrics unknown to the catalog are ignored. */
	public static Builder builder(String brand, MetricCatalog catalog) {
		return new Builder(brand, catalog);
	}

	public String brand() {
		return this.brand;
	}

	/** Metric histories in catalog order, only metrics with data. */
	public Collection<MetricHistory> metrics() {
		return this.metrics.values();
	}

	public Optional<MetricHistory> metric(String name) {
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
	 * The brand's values on one day: every metric with a known value (LEVEL carried forward, FLOW only
	 * when reported) and the sum per tier of those values.
	 */
	public DailyRollup rollup(LocalDate date) {
		Map<String, Double> values = new LinkedHashMap<>();
		Map<MetricTier, Double> tiers = new EnumMap<>(MetricTier.class);
		for (MetricHistory history : this.metrics.values()) {
			Double value = history.valueOn(date);
			if (value != null) {
				values.put(history.name(), value);
				tiers.merge(history.definition().tier(), value, Double::sum);
			}
		}
		return new DailyRollup(this.brand, date, values, tiers);
	}

	/** Collects daily cells into a ledger. */
	public static final class Builder {

		private final String brand;

		private final MetricCatalog catalog;

		private final Map<String, TreeMap<LocalDate, Double>> totals = new HashMap<>();

		private Builder(String brand, MetricCatalog catalog) {
			this.brand = brand;
			this.catalog = catalog;
		}

		/**
		 * Adds one channel's value of a metric on a day; the channels of a day are summed. Callers add
		 * cells in a fixed order (the store's key order) so the floating-point sums never depend on
		 * the order in which data arrived.
		 */
		public Builder add(String metric, String channel, LocalDate date, double value) {
			if (this.catalog.find(metric).isPresent()) {
				this.totals.computeIfAbsent(metric, (name) -> new TreeMap<>()).merge(date, value, Double::sum);
			}
			return this;
		}

		public BrandLedger build() {
			Map<String, MetricHistory> metrics = new LinkedHashMap<>();
			for (MetricDefinition definition : this.catalog.metrics()) {
				TreeMap<LocalDate, Double> days = this.totals.get(definition.name());
				if (days != null && !days.isEmpty()) {
					metrics.put(definition.name(), new MetricHistory(definition, days));
				}
			}
			return new BrandLedger(this.brand, metrics);
		}

	}

}
