package io.brandsignal.scoring.kafka;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import io.brandsignal.scoring.cells.DayKey;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One stream task's brands that changed since their last recompute, and when each is due. The store
 * (brand → earliest changed day, changelogged) makes the set survive a crash; a copy in memory, loaded
 * at the task's first record or punctuation, spares each observation a store read and carries the
 * wall-clock times of the changes, which the due rule needs.
 * <p>
 * A lone update (changes of one day that arrive together, to a brand not recomputed within the last
 * {@code interval}) is due once the brand has had no further change for the short {@code quietPeriod},
 * so a live change reaches the dashboards within a fraction of a second. A brand in a burst (changes on
 * several days, changes that keep coming after the quiet period, or a brand recomputed less than an
 * {@code interval} ago) is due once it has had no change for a whole {@code interval}, or at the latest
 * {@code maxDelay} after it first changed (a backfill in progress): a backfill is recomputed once when
 * it ends, not once per batch. A brand restored from the store has no times and is due at once.
 */
final class DirtyBrands {

	/**
	 * How many brands a rescore of a whole task ({@link #markForRescore}) makes due per interval, so a
	 * task with thousands of brands spreads their recomputes over several punctuations rather than
	 * holding one transaction open for all of them.
	 */
	static final int RESCORED_BRANDS_PER_INTERVAL = 200;

	/**
	 * The day a change that touched no cell is recorded under (a campaign defined or deleted): later than any
	 * day with data, so the brand is recomputed without rollups to compare, and an earlier changed day of its
	 * cells still wins.
	 */
	static final LocalDate NO_DAY = LocalDate.of(9999, 12, 31);

	private final KeyValueStore<String, String> store;

	private final long quietPeriod;

	private final long interval;

	private final long maxDelay;

	/** The store in memory, brands in name order; {@code null} until {@link #load}. */
	private Map<String, DirtyBrand> dirty;

	/**
	 * When each brand recomputed less than an {@code interval} ago was recomputed, oldest first: a change
	 * to one of them continues a burst rather than being a lone update.
	 */
	private final LinkedHashMap<String, Long> recentlyRecomputed = new LinkedHashMap<>();

	DirtyBrands(KeyValueStore<String, String> store, ScoringTopology.Schedule schedule) {
		this.store = store;
		this.quietPeriod = schedule.quietPeriod().toMillis();
		this.interval = schedule.interval().toMillis();
		this.maxDelay = schedule.maxDelay().toMillis();
	}

	boolean isLoaded() {
		return this.dirty != null;
	}

	/** Reads the store into memory. */
	void load() {
		Map<String, DirtyBrand> loaded = new TreeMap<>();
		try (KeyValueIterator<String, String> all = this.store.all()) {
			all.forEachRemaining((brand) -> loaded.put(brand.key, new DirtyBrand(DayKey.parseDate(brand.value))));
		}
		this.dirty = loaded;
	}

	/** Forgets the copy in memory: the store may be restored to another state before the next {@link #load}. */
	void forget() {
		this.dirty = null;
	}

	/** Records that the brand's cells changed on {@code date}, at wall-clock time {@code now}. */
	void changed(String brand, LocalDate date, long now) {
		DirtyBrand changed = this.dirty.get(brand);
		if (changed == null) {
			Long recomputed = this.recentlyRecomputed.get(brand);
			boolean burst = recomputed != null && now - recomputed < this.interval;
			this.dirty.put(brand, new DirtyBrand(date, now, now, burst));
			this.store.put(brand, date.toString());
			return;
		}
		if (!date.equals(changed.since) || now - changed.firstChange >= this.quietPeriod) {
			changed.burst = true;
		}
		if (date.isBefore(changed.since)) {
			changed.since = date;
			this.store.put(brand, date.toString());
		}
		changed.changed(now);
	}

	/**
	 * Marks brands dirty from the given days although no cell changed, to be recomputed
	 * {@link #RESCORED_BRANDS_PER_INTERVAL} per interval from the next punctuation on.
	 * @param firstDays each brand and the day to recompute it from
	 * @param now the wall-clock time
	 */
	void markForRescore(Map<String, LocalDate> firstDays, long now) {
		int marked = 0;
		for (Map.Entry<String, LocalDate> brand : firstDays.entrySet()) {
			// as if the brand last changed one interval before its turn: due then, not at the maximum delay
			long changedAt = now + (marked++ / RESCORED_BRANDS_PER_INTERVAL - 1) * this.interval;
			DirtyBrand current = this.dirty.get(brand.getKey());
			if (current == null) {
				this.dirty.put(brand.getKey(), new DirtyBrand(brand.getValue(), changedAt, changedAt, true));
				this.store.put(brand.getKey(), brand.getValue().toString());
			}
			else if (brand.getValue().isBefore(current.since)) {
				current.since = brand.getValue();
				this.store.put(brand.getKey(), brand.getValue().toString());
			}
		}
	}

	/**
	 * Hands each brand due at {@code now} to {@code recompute} with the earliest day that changed, then
	 * forgets it; a brand whose recompute throws stays dirty. Stops early when {@code enough} says so (asked
	 * before each brand): the brands left stay dirty and due, for the next punctuation.
	 */
	void recomputeDue(long now, BiConsumer<String, LocalDate> recompute, BooleanSupplier enough) {
		forgetRecomputesBefore(now - this.interval);
		Iterator<Map.Entry<String, DirtyBrand>> brands = this.dirty.entrySet().iterator();
		while (brands.hasNext() && !enough.getAsBoolean()) {
			Map.Entry<String, DirtyBrand> brand = brands.next();
			if (brand.getValue().due(now, this.quietPeriod, this.interval, this.maxDelay)) {
				recompute.accept(brand.getKey(), brand.getValue().since);
				this.store.delete(brand.getKey());
				brands.remove();
				// re-inserted, so the map stays in the order of the recomputes
				this.recentlyRecomputed.remove(brand.getKey());
				this.recentlyRecomputed.put(brand.getKey(), now);
			}
		}
	}

	private void forgetRecomputesBefore(long time) {
		Iterator<Long> recomputes = this.recentlyRecomputed.values().iterator();
		while (recomputes.hasNext() && recomputes.next() <= time) {
			recomputes.remove();
		}
	}

	/**
	 * A brand changed since its last recompute: the earliest day that changed (also in the store), when
	 * the brand first and last changed (wall clock) and whether the changes make a burst, to tell a lone
	 * update or a brand still being backfilled from one that has settled. The times are only a hint: a
	 * brand restored from the store has none.
	 */
	private static final class DirtyBrand {

		private LocalDate since;

		private long firstChange;

		private long lastChange;

		private boolean burst;

		DirtyBrand(LocalDate since) {
			this(since, -1, -1, true);
		}

		DirtyBrand(LocalDate since, long firstChange, long lastChange, boolean burst) {
			this.since = since;
			this.firstChange = firstChange;
			this.lastChange = lastChange;
			this.burst = burst;
		}

		void changed(long now) {
			if (this.firstChange < 0) {
				this.firstChange = now;
			}
			this.lastChange = now;
		}

		boolean due(long now, long quietPeriod, long interval, long maxDelay) {
			long quiet = this.burst ? interval : quietPeriod;
			return this.firstChange < 0 || now - this.lastChange >= quiet || now - this.firstChange >= maxDelay;
		}

	}

}
