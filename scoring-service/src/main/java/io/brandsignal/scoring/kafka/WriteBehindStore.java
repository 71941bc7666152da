package io.brandsignal.scoring.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps each key's latest write in memory until the stream task commits, and then writes
 * it once to the logged store it wraps: the cells of a brand's day are rewritten by every observation of that
 * day (a day's metrics usually arrive together), and the Streams record cache, which would fold those writes
 * too, costs a sorted-map update per write (scoring-service/BENCHMARK.md).
 * <p>
 * Kafka Streams flushes every store that caches before it commits a task's transaction ({@link CachedStateStore},
 * the contract its own record cache relies on), so the writes held here reach the changelog inside the
 * transaction of the input they came from, exactly as the record cache's would. Reads see them; a scan first
 * writes them through, as does a write that would hold more than {@code maxPendingBytes}. Closing or clearing
 * the store forgets them, like the record cache: what was not committed is read again from the input.
 * <p>
 * It belongs to its stream thread, like the processor that writes it: not for interactive queries, whose reads
 * from another thread could write the held values through.
 */
final class WriteBehindStore implements KeyValueStore<String, byte[]>, CachedStateStore<String, byte[]> {

	private final KeyValueStore<String, byte[]> inner;

	private final long maxPendingBytes;

	/** The writes not yet in {@link #inner}, in the order of their keys' first write since the last flush. */
	private final Map<String, byte[]> pending = new LinkedHashMap<>();

	private long pendingBytes;

	/**
	 * @param inner the store written to, logged and without a record cache
	 * @param maxPendingBytes how many bytes of keys and values may wait for the commit
	 */
	WriteBehindStore(KeyValueStore<String, byte[]> inner, long maxPendingBytes) {
		this.inner = inner;
		this.maxPendingBytes = maxPendingBytes;
	}

	/**
	 * A builder of a write-behind store around the one {@code inner} builds.
	 * @param inner builds the store written to; it must not cache
	 * @param maxPendingBytes how many bytes of keys and values may wait for the commit
	 */
	static StoreBuilder<KeyValueStore<String, byte[]>> builder(StoreBuilder<KeyValueStore<String, byte[]>> inner,
			long maxPendingBytes) {
		return new Builder(inner, maxPendingBytes);
	}

	@Override
	public void put(String key, byte[] value) {
		if (value == null) {
			delete(key);
			return;
		}
		long size = size(key, value);
		byte[] replaced = this.pending.put(key, value);
		this.pendingBytes += (replaced != null) ? value.length - replaced.length : size;
		if (this.pendingBytes > this.maxPendingBytes) {
			writePending();
		}
	}

	@Override
	public byte[] putIfAbsent(String key, byte[] value) {
		byte[] current = get(key);
		if (current == null) {
			put(key, value);
		}
		return current;
	}

	@Override
	public void putAll(List<KeyValue<String, byte[]>> entries) {
		entries.forEach((entry) -> put(entry.key, entry.value));
	}

	@Override
	public byte[] delete(String key) {
		byte[] held = this.pending.remove(key);
		if (held != null) {
			this.pendingBytes -= size(key, held);
		}
		byte[] stored = this.inner.delete(key);
		return (held != null) ? held : stored;
	}

	@Override
	public byte[] get(String key) {
		byte[] held = this.pending.get(key);
		return (held != null) ? held : this.inner.get(key);
	}

	@Override
	public KeyValueIterator<String, byte[]> range(String from, String to) {
		writePending();
		return this.inner.range(from, to);
	}

	@Override
	public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
		writePending();
		return this.inner.reverseRange(from, to);
	}

	@Override
	public KeyValueIterator<String, byte[]> all() {
		writePending();
		return this.inner.all();
	}

	@Override
	public KeyValueIterator<String, byte[]> reverseAll() {
		writePending();
		return this.inner.reverseAll();
	}

	@Override
	public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
		writePending();
		return this.inner.prefixScan(prefix, prefixKeySerializer);
	}

	@Override
	public long approximateNumEntries() {
		return this.inner.approximateNumEntries() + this.pending.size();
	}

	/** Called by Kafka Streams before it commits the task: the held writes go to the store and its changelog. */
	@Override
	public void flushCache() {
		writePending();
	}

	@Override
	public void clearCache() {
		forgetPending();
	}

	@Override
	public boolean setFlushListener(CacheFlushListener<String, byte[]> listener, boolean sendOldValues) {
		// nothing downstream reads this store's changes
		return false;
	}

	@Override
	public void flush() {
		writePending();
		this.inner.flush();
	}

	@Override
	public String name() {
		return this.inner.name();
	}

	@Override
	public void init(StateStoreContext context, StateStore root) {
		forgetPending();
		this.inner.init(context, root);
	}

	@Override
	public void close() {
		forgetPending();
		this.inner.close();
	}

	@Override
	public boolean persistent() {
		return this.inner.persistent();
	}

	@Override
	public boolean isOpen() {
		return this.inner.isOpen();
	}

	@Override
	public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
		writePending();
		return this.inner.query(query, positionBound, config);
	}

	@Override
	public Position getPosition() {
		return this.inner.getPosition();
	}

	private void writePending() {
		if (this.pending.isEmpty()) {
			return;
		}
		this.pending.forEach(this.inner::put);
		forgetPending();
	}

	private void forgetPending() {
		this.pending.clear();
		this.pendingBytes = 0;
	}

	/** A key's and value's share of the bound, counting the key's characters as their UTF-8 bytes at most. */
	private static long size(String key, byte[] value) {
		return (long) key.length() * 3 + value.length;
	}

	/** Builds a {@link WriteBehindStore} around the store another builder builds; the rest is that builder's. */
	private static final class Builder implements StoreBuilder<KeyValueStore<String, byte[]>> {

		private final StoreBuilder<KeyValueStore<String, byte[]>> inner;

		private final long maxPendingBytes;

		Builder(StoreBuilder<KeyValueStore<String, byte[]>> inner, long maxPendingBytes) {
			this.inner = inner;
			this.maxPendingBytes = maxPendingBytes;
		}

		@Override
		public StoreBuilder<KeyValueStore<String, byte[]>> withCachingEnabled() {
			throw new UnsupportedOperationException("a write-behind store holds its writes itself");
		}

		@Override
		public StoreBuilder<KeyValueStore<String, byte[]>> withCachingDisabled() {
			return this;
		}

		@Override
		public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingEnabled(Map<String, String> config) {
			this.inner.withLoggingEnabled(config);
			return this;
		}

		@Override
		public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingDisabled() {
			throw new UnsupportedOperationException("a write-behind store is only as durable as its changelog");
		}

		@Override
		public KeyValueStore<String, byte[]> build() {
			return new WriteBehindStore(this.inner.build(), this.maxPendingBytes);
		}

		@Override
		public Map<String, String> logConfig() {
			return this.inner.logConfig();
		}

		@Override
		public boolean loggingEnabled() {
			return this.inner.loggingEnabled();
		}

		@Override
		public String name() {
			return this.inner.name();
		}

	}

}
