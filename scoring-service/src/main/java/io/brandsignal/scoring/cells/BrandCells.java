package io.brandsignal.scoring.cells;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * An in-memory copy of one brand's days in the cell store, so neither a recompute nor an observation
 * has to read and decode the store. {@link CellStore} keeps it equal to the store: every write and
 * delete of the brand's days is applied to both, and a copy is rebuilt from a prefix scan whenever it
 * is missing.
 */
final class BrandCells {

	private final TreeMap<LocalDate, DayCells> days = new TreeMap<>();

	/** The day's cells, the very object this copy holds; {@code null} when the day has none. */
	DayCells day(LocalDate date) {
		return this.days.get(date);
	}

	void put(LocalDate date, DayCells cells) {
		this.days.put(date, cells);
	}

	/** The latest day with any cell, or {@code null} when there is none. */
	LocalDate latestDate() {
		return this.days.isEmpty() ? null : this.days.lastKey();
	}

	/**
	 * Removes the days before {@code cutoff}.
	 * @return the removed days
	 */
	List<LocalDate> removeBefore(LocalDate cutoff) {
		List<LocalDate> removed = new ArrayList<>();
		Iterator<LocalDate> expired = this.days.headMap(cutoff, false).keySet().iterator();
		while (expired.hasNext()) {
			removed.add(expired.next());
			expired.remove();
		}
		return removed;
	}

	BrandLedger toLedger(String brand, MetricCatalog catalog, ScoringRules.Ledger rules) {
		BrandLedger.Builder ledger = BrandLedger.builder(brand, catalog, rules);
		this.days.forEach((date, cells) -> cells
			.forEachCell((metric, channel, value) -> ledger.add(metric, channel, date, value)));
		return ledger.build();
	}

}
