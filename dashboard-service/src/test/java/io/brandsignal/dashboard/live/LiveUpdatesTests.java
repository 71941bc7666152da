package io.brandsignal.dashboard.live;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class LiveUpdatesTests {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final LiveUpdates updates;

	private final CountDownLatch unblock = new CountDownLatch(1);

	LiveUpdatesTests() {
		this.scheduler.initialize();
		DashboardProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("brandsignal.dashboard.stream.max-per-caller", "2", "brandsignal.dashboard.stream.max-total", "3",
						"brandsignal.dashboard.stream.queue-size", "4")))
			.bindOrCreate("brandsignal.dashboard", Bindable.of(DashboardProperties.class));
		this.updates = new LiveUpdates(properties, this.scheduler);
	}

	@AfterEach
	void stop() {
		this.unblock.countDown();
		this.updates.destroy();
		this.scheduler.destroy();
	}

	@Test
	void refusesAStreamBeyondTheCallersLimitButNotAnotherCallers() {
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
		assertThatExceptionOfType(TooManyStreamsException.class)
			.isThrownBy(() -> this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null));
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "bob", null);
	}

	@Test
	void refusesAStreamBeyondTheInstancesLimit() {
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "bob", null);
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "cid", null);
		assertThatExceptionOfType(TooManyStreamsException.class)
			.isThrownBy(() -> this.updates.register(new RecordingEmitter(), BrandScope.ALL, "dan", null));
	}

	@Test
	void endsTheStreamsOfASessionThatEnds() {
		RecordingEmitter ended = new RecordingEmitter();
		RecordingEmitter other = new RecordingEmitter();
		MockHttpSession session = new MockHttpSession(null, "session-1");
		this.updates.register(ended, BrandScope.ALL, "ann", "session-1");
		this.updates.register(other, BrandScope.ALL, "ann", "session-2");
		this.updates.onSessionDestroyed(new HttpSessionDestroyedEvent(session));
		await().until(() -> ended.completed);
		assertThat(other.completed).isFalse();
		// the ended stream no longer counts: ann may open another
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
	}

	@Test
	void aStuckClientDoesNotHoldUpTheOthersAndIsDroppedWhenItsQueueOverflows() {
		BlockedEmitter stuck = new BlockedEmitter(this.unblock);
		RecordingEmitter healthy = new RecordingEmitter();
		this.updates.register(stuck, BrandScope.ALL, "ann", null);
		this.updates.register(healthy, BrandScope.ALL, "bob", null);
		for (int day = 1; day <= 6; day++) {
			this.updates.onRollupChanged(new RollupChanged("acme", LocalDate.of(2026, 1, day)));
		}
		// 'connected' and six rollups reach the healthy stream while the stuck one blocks on its first send
		await().until(() -> healthy.sent.size() == 7);
		// the stuck one blocks sending 'connected', four rollups fill its queue and the fifth overflows it
		await().until(() -> stuck.completed);
		// and it no longer counts against ann's streams
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
	}

	/** Records what was sent and whether it was completed, as a browser that keeps up would. */
	private static class RecordingEmitter extends SseEmitter {

		final List<Object> sent = new CopyOnWriteArrayList<>();

		volatile boolean completed;

		@Override
		public void send(SseEventBuilder builder) {
			this.sent.add(builder);
		}

		@Override
		public void complete() {
			this.completed = true;
		}

	}

	/** A browser that stopped reading: its first send blocks until the test ends. */
	private static final class BlockedEmitter extends RecordingEmitter {

		private final CountDownLatch unblock;

		BlockedEmitter(CountDownLatch unblock) {
			this.unblock = unblock;
		}

		@Override
		public void send(SseEventBuilder builder) {
			try {
				this.unblock.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
