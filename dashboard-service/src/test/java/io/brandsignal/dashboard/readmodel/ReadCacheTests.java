package io.brandsignal.dashboard.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadCacheTests {

	private final List<String> loads = new CopyOnWriteArrayList<>();

	@Test
	void servesAKeptValueUntilItsKeyIsEvicted() {
		ReadCache<String, String> cache = ReadCache.bounded(10);
		AtomicInteger version = new AtomicInteger(1);

		assertThat(cache.get("acme", (key) -> load(key + " v" + version.get()))).isEqualTo("acme v1");
		version.set(2);
		assertThat(cache.get("acme", (key) -> load(key + " v" + version.get()))).isEqualTo("acme v1");
		cache.evict("acme");
		assertThat(cache.get("acme", (key) -> load(key + " v" + version.get()))).isEqualTo("acme v2");

		assertThat(this.loads).containsExactly("acme v1", "acme v2");
	}

	@Test
	void keepsNothingForALoadThatFindsNothing() {
		ReadCache<String, String> cache = ReadCache.bounded(10);

		assertThat(cache.get("nobody", (key) -> load(null))).isNull();
		assertThat(cache.get("nobody", (key) -> load(null))).isNull();

		assertThat(this.loads).hasSize(2);
	}

	@Test
	void forgetsValuesBeyondItsMaximumSize() {
		ReadCache<Integer, String> cache = ReadCache.bounded(10);
		for (int key = 0; key < 100; key++) {
			cache.get(key, (name) -> load("brand " + name));
		}
		this.loads.clear();

		for (int key = 0; key < 100; key++) {
			cache.get(key, (name) -> load("brand " + name));
		}

		// at most 10 of the 100 can still be kept, so at least 90 are read again
		assertThat(this.loads).hasSizeGreaterThanOrEqualTo(90);
	}

	@Test
	void replacesAKeptValueThatDoesNotServeTheRequestWithWhatTheLoadMakesOfIt() {
		ReadCache<String, String> cache = ReadCache.bounded(10);
		cache.get("acme", (kept) -> false, (kept) -> load("28 days"));

		String value = cache.get("acme", (kept) -> kept.contains("90 days"), (kept) -> load(kept + " and 90 days"));
		String again = cache.get("acme", (kept) -> kept.contains("90 days"), (kept) -> load("read again"));

		assertThat(value).isEqualTo("28 days and 90 days");
		assertThat(again).isEqualTo(value);
		assertThat(this.loads).containsExactly("28 days", "28 days and 90 days");
	}

	@Test
	void dropsAValueReadWhileAChangeOfItsKeyWasAnnounced() throws Exception {
		ReadCache<String, String> cache = ReadCache.bounded(10);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch changeAnnounced = new CountDownLatch(1);
		AtomicReference<String> firstRead = new AtomicReference<>();
		Thread reader = new Thread(() -> firstRead.set(cache.get("acme", (key) -> {
			reading.countDown();
			waitFor(changeAnnounced);
			return load("before the change");
		})));
		reader.start();
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
		// The change is stored after the reader read; its announcement must not leave what was read kept.
		Thread evictor = new Thread(() -> cache.evict("acme"));
		evictor.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> evictor.getState() == Thread.State.BLOCKED || evictor.getState() == Thread.State.WAITING
					|| !evictor.isAlive());
		changeAnnounced.countDown();
		reader.join(10_000);
		evictor.join(10_000);

		assertThat(firstRead.get()).isEqualTo("before the change");
		assertThat(cache.get("acme", (key) -> load("after the change"))).isEqualTo("after the change");
	}

	private String load(String value) {
		this.loads.add(String.valueOf(value));
		return value;
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
