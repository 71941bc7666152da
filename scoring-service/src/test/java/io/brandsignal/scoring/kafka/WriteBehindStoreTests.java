package io.brandsignal.scoring.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cell store's write-behind layer on a real in-memory store: writes wait for the commit (Kafka Streams'
 * {@code flushCache}), reads and scans see them, deletes and the byte bound write through, and a close or a
 * cleared cache forgets what was not committed.
 */
class WriteBehindStoreTests {

	private KeyValueStore<String, byte[]> inner;

	private WriteBehindStore store;

	@BeforeEach
	void initialize() {
		this.inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("cells"), Serdes.String(),
				Serdes.ByteArray())
			.withLoggingDisabled()
			.build();
		// 3 keys of 4 characters (12 bytes each, at most) and 10-byte values fit; a fourth does not
		this.store = new WriteBehindStore(this.inner, 3 * (12 + 10));
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void holdsEveryKeysLatestWriteUntilTheCommitThenWritesItThrough() {
		this.store.put("a|01", value("first     "));
		this.store.put("a|01", value("second    "));
		this.store.put("a|02", value("other     "));

		assertThat(this.inner.get("a|01")).as("nothing written before the commit").isNull();
		assertThat(text(this.store.get("a|01"))).isEqualTo("second    ");

		this.store.flushCache();

		assertThat(text(this.inner.get("a|01"))).isEqualTo("second    ");
		assertThat(text(this.inner.get("a|02"))).isEqualTo("other     ");
	}

	@Test
	void scansSeeTheWritesHeld() {
		this.store.put("a|01", value("one       "));
		this.inner.put("a|02", value("stored    "));
		this.store.put("b|01", value("two       "));

		assertThat(keys(this.store.prefixScan("a|", new StringSerializer()))).containsExactly("a|01", "a|02");
		assertThat(keys(this.store.range("a|", "b|~"))).containsExactly("a|01", "a|02", "b|01");
		assertThat(keys(this.store.all())).containsExactly("a|01", "a|02", "b|01");
	}

	@Test
	void aDeleteRemovesTheHeldAndTheStoredValue() {
		this.store.put("a|01", value("committed "));
		this.store.flushCache();
		this.store.put("a|01", value("held      "));

		assertThat(text(this.store.delete("a|01"))).isEqualTo("held      ");
		this.store.flushCache();

		assertThat(this.store.get("a|01")).isNull();
		assertThat(this.inner.get("a|01")).isNull();
	}

	@Test
	void writesThroughOnceTheHeldBytesPassTheBound() {
		this.store.put("a|01", value("0123456789"));
		this.store.put("a|02", value("0123456789"));
		this.store.put("a|03", value("0123456789"));
		this.store.put("a|03", value("9876543210"));
		assertThat(this.inner.approximateNumEntries()).as("three keys' worth, rewriting one, is held").isZero();

		this.store.put("a|04", value("0123456789"));

		assertThat(keys(this.inner.all())).containsExactly("a|01", "a|02", "a|03", "a|04");
		assertThat(text(this.inner.get("a|03"))).isEqualTo("9876543210");
	}

	@Test
	void forgetsWritesNotCommittedWhenItsCacheIsClearedOrItIsReopened() {
		this.store.put("a|01", value("committed "));
		this.store.flushCache();
		this.store.put("a|01", value("lost      "));
		this.store.put("a|02", value("lost      "));

		this.store.clearCache();

		assertThat(text(this.store.get("a|01"))).isEqualTo("committed ");
		assertThat(this.store.get("a|02")).isNull();

		this.store.put("a|02", value("lost too  "));
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
		assertThat(this.store.get("a|02")).isNull();
	}

	private static byte[] value(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

	private static List<String> keys(KeyValueIterator<String, byte[]> iterator) {
		List<String> keys = new ArrayList<>();
		try (iterator) {
			iterator.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
		}
		return keys;
	}

}
