package io.brandsignal.dashboard.readmodel;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What the dashboard read from the read model (or made of it, such as a rendered page), kept in memory
 * because it is asked for far more often than it changes, until the change event of its key
 * ({@link ScorecardChanged}, {@link RollupChanged}) evicts it. Bounded, so neither many brands nor
 * made-up names can fill the memory, and a load that finds nothing keeps nothing.
 * <p>
 * A value is loaded under the lock of its key, and an eviction of the key waits for a load in progress
 * and then drops what it read: a kept value is never older than the latest change announced for its
 * key. A hit costs one lookup and no lock.
 *
 * @param <K> the key, such as a brand
 * @param <V> the kept value
 */
public final class ReadCache<K, V> {

	private final Cache<K, V> kept;

	private ReadCache(Cache<K, V> kept) {
		this.kept = kept;
	}

	/** A cache of at most this many values (those least likely to be asked for again go first). */
	public static <K, V> ReadCache<K, V> bounded(long maximumSize) {
		return new ReadCache<>(caffeine().maximumSize(maximumSize).build());
	}

	/** A cache whose values weigh at most this much together, each as much as the weigher says. */
	public static <K, V> ReadCache<K, V> weighed(long maximumWeight, ToIntFunction<? super V> weigher) {
		return new ReadCache<>(caffeine().maximumWeight(maximumWeight)
			.<K, V>weigher((key, value) -> weigher.applyAsInt(value))
			.build());
	}

	/** Evicts on the caller's thread (a few map operations), so the bound holds when a call returns. */
	private static Caffeine<Object, Object> caffeine() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

	/**
	 * The key's kept value, or what {@code load} reads when none is kept.
	 * @param load reads the value; {@code null} when there is none, and then nothing is kept
	 * @return the value, {@code null} when there is none
	 */
	public V get(K key, Function<? super K, ? extends V> load) {
		return get(key, (kept) -> true, (kept) -> load.apply(key));
	}

	/**
	 * The key's kept value if it is of use; otherwise what {@code load} makes of it, kept in its place.
	 * @param usable whether a kept value serves this request (say, it holds the date range asked for)
	 * @param load makes the value from the kept one ({@code null} when none is kept), for instance by
	 * adding to it; returns {@code null} to keep nothing
	 * @return the value, {@code null} when there is none
	 */
	public V get(K key, Predicate<? super V> usable, UnaryOperator<V> load) {
		V kept = this.kept.getIfPresent(key);
		if (kept != null && usable.test(kept)) {
			return kept;
		}
		return this.kept.asMap()
			.compute(key, (k, current) -> (current != null && usable.test(current)) ? current : load.apply(current));
	}

	/** Drops the key's value, once a change made it stale; waits for a load of the key in progress. */
	public void evict(K key) {
		this.kept.invalidate(key);
	}

}
