package io.brandsignal.scoring.cells;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.scorecard.ScoringRules;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.scoring.ledger.BrandLedger;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One stream task's daily cells: the state store (one {@link DayCells} entry per brand and day, keyed
 * by {@link DayKey}) and in-memory copies of some brands' days ({@link BrandCells}), as many as the
 * instance's {@link BrandCellsBudget} allows. Every write and delete goes to both, so the copies
 * mirror the store; the store stays the only source of truth, and {@link #dropCopies} forgets the
 * copies whenever the store may have been restored to another state. Not thread-safe, like the task.
 */
public final class CellStore {

	private static final StringSerializer KEYS = new StringSerializer();

	private final KeyValueStore<String, byte[]> store;

	private final BrandCellsBudget budget;

	/** In-memory copies, least recently used first, one {@link #budget} slot each. */
	private final Map<String, BrandCells> copies = new LinkedHashMap<>(64, 0.75f, true);

	private final CanonicalNames names = new CanonicalNames();

	/**
	 * @param store the task's cell store
	 * @param budget the copies the instance's tasks may hold together
	 */
	public CellStore(KeyValueStore<String, byte[]> store, BrandCellsBudget budget) {
		this.store = store;
		this.budget = budget;
	}

	/**
	 * Writes the observation's cell unless the cell already holds a value that wins over it.
	 * @return whether the brand's cells changed
	 */
	public boolean upsert(ObservationRecorded observation) {
		String brand = observation.brand();
		LocalDate date = observation.date();
		String key = DayKey.of(brand, date);
		BrandCells copy = copyOrLoaded(brand);
		DayCells day = (copy != null) ? copy.day(date) : DayCells.decode(this.store.get(key));
		if (day == null) {
			day = new DayCells();
			copy.put(date, day);
		}
		if (!day.upsert(observation.metric(), observation.channel(), observation.value(), observation.receivedAt(),
				this.names)) {
			return false;
		}
		this.store.put(key, day.encode());
		return true;
	}

	/**
	 * Drops the brand's days more than {@code horizonDays} before its latest day, from the store and
	 * the copy, and builds the ledger of the days left, read with the given rules.
	 * @return the ledger and the first day of the horizon; empty when the brand has no cells
	 */
	public Optional<HorizonLedger> ledger(String brand, int horizonDays, MetricCatalog catalog,
			ScoringRules.Ledger rules) {
		BrandCells cells = this.copies.get(brand);
		if (cells == null) {
			cells = load(brand);
			// a brand about to be recomputed is worth a copy more than the least recently used one
			if (this.budget.tryAcquire() || evictEldest()) {
				this.copies.put(brand, cells);
			}
		}
		LocalDate latest = cells.latestDate();
		if (latest == null) {
			return Optional.empty();
		}
		LocalDate horizonStart = latest.minusDays(horizonDays);
		cells.removeBefore(horizonStart).forEach((date) -> this.store.delete(DayKey.of(brand, date)));
		return Optional.of(new HorizonLedger(cells.toLedger(brand, catalog, rules), horizonStart));
	}

	/**
	 * Every brand with cells in the store and its first day, read with one short scan per brand (the
	 * first key of each), not a read of every day.
	 */
	public Map<String, LocalDate> firstDays() {
		Map<String, LocalDate> firstDays = new LinkedHashMap<>();
		// '~' sorts after every slug, and above the marker key "~layout" earlier versions left in the store
		String from = "";
		while (true) {
			KeyValue<String, byte[]> first;
			try (KeyValueIterator<String, byte[]> scan = this.store.range(from, "~")) {
				if (!scan.hasNext()) {
					return firstDays;
				}
				first = scan.next();
			}
			String brand = DayKey.brandOf(first.key);
			firstDays.put(brand, DayKey.dateOf(first.key));
			from = DayKey.afterBrand(brand);
		}
	}

	/** Forgets every in-memory copy and gives its budget slots back. */
	public void dropCopies() {
		this.budget.release(this.copies.size());
		this.copies.clear();
	}

	/**
	 * The brand's in-memory copy; loaded while the budget has room, so a task's brands are read from the
	 * store once rather than on every observation. When the budget is spent, {@code null}: the
	 * observation then reads its one day from the store instead of evicting a brand whose copy a
	 * recompute is about to use.
	 */
	private BrandCells copyOrLoaded(String brand) {
		BrandCells copy = this.copies.get(brand);
		if (copy == null && this.budget.tryAcquire()) {
			copy = load(brand);
			this.copies.put(brand, copy);
		}
		return copy;
	}

	/** Drops this task's least recently used copy, keeping its budget slot for the caller. */
	private boolean evictEldest() {
		Iterator<Map.Entry<String, BrandCells>> eldest = this.copies.entrySet().iterator();
		if (!eldest.hasNext()) {
			return false;
		}
		eldest.next();
		eldest.remove();
		return true;
	}

	private BrandCells load(String brand) {
		BrandCells cells = new BrandCells();
		try (KeyValueIterator<String, byte[]> scan = this.store.prefixScan(DayKey.prefix(brand), KEYS)) {
			scan.forEachRemaining((day) -> cells.put(DayKey.dateOf(day.key), DayCells.decode(day.value, this.names)));
		}
		return cells;
	}

	/**
	 * A brand's ledger over its horizon.
	 *
	 * @param ledger the brand's ledger, built from its cells from {@code horizonStart} on
	 * @param horizonStart the earliest day kept; the brand's days before it are gone
	 */
	public record HorizonLedger(BrandLedger ledger, LocalDate horizonStart) {
	}

}
