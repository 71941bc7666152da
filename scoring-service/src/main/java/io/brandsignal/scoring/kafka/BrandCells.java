package io.brandsignal.scoring.kafka;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ledger.BrandLedger;

/**
 * An in-memory copy of one brand's cells in the cell store, so a recompute does not scan and decode
 * the store. It mirrors the store exactly: every write and delete of the brand's cells is applied to
 * both, and a copy is rebuilt from a prefix scan whenever it is missing.
 */
final class BrandCells {

	/** metric -> date -> channel -> value; channels sorted so daily sums match the store's key order. */
	private final Map<String, TreeMap<LocalDate, TreeMap<String, Double>>> metrics = new HashMap<>();

	void put(String metric, String channel, LocalDate date, double value) {
		this.metrics.computeIfAbsent(metric, (name) -> new TreeMap<>())
			.computeIfAbsent(date, (day) -> new TreeMap<>())
			.put(channel, value);
	}

	/** The latest day with any cell, or {@code null} when there is none. */
	LocalDate latestDate() {
		LocalDate latest = null;
		for (TreeMap<LocalDate, TreeMap<String, Double>> days : this.metrics.values()) {
			if (!days.isEmpty() && (latest == null || days.lastKey().isAfter(latest))) {
				latest = days.lastKey();
			}
		}
		return latest;
	}

	/**
	 * Removes the cells of days before {@code cutoff}.
	 * @return the store keys of the removed cells
	 */
	List<String> removeBefore(String brand, LocalDate cutoff) {
		List<String> removed = new ArrayList<>();
		for (Map.Entry<String, TreeMap<LocalDate, TreeMap<String, Double>>> metric : this.metrics.entrySet()) {
			Iterator<Map.Entry<LocalDate, TreeMap<String, Double>>> days = metric.getValue()
				.headMap(cutoff, false)
				.entrySet()
				.iterator();
			while (days.hasNext()) {
				Map.Entry<LocalDate, TreeMap<String, Double>> day = days.next();
				for (String channel : day.getValue().keySet()) {
					removed.add(ScoringProcessor.cellKey(brand, metric.getKey(), channel, day.getKey()));
				}
				days.remove();
			}
		}
		return removed;
	}

	BrandLedger toLedger(String brand, MetricCatalog catalog) {
		BrandLedger.Builder ledger = BrandLedger.builder(brand, catalog);
		this.metrics.forEach((metric, days) -> days.forEach((date, channels) -> {
			double total = 0;
			boolean first = true;
			for (double value : channels.values()) {
				total = first ? value : total + value;
				first = false;
			}
			ledger.add(metric, date, total);
		}));
		return ledger.build();
	}

}
