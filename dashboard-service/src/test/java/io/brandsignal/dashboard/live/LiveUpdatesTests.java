package io.brandsignal.dashboard.live;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
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

	private static final Instant T1 = Instant.parse("2026-01-10T12:00:00Z");

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
		// five brands change, one at a time, each sent to the healthy stream before the next
		for (int brand = 1; brand <= 5; brand++) {
			this.updates.onRollupChanged(new RollupChanged("brand-" + brand, LocalDate.of(2026, 1, 1)));
			int sent = brand;
			await().until(() -> events(healthy).size() == sent);
		}
		// the stuck one blocks on its first send ('connected'): the brands fill its four slots and overflow them
		await().until(() -> stuck.completed);
		assertThat(healthy.completed).isFalse();
		// and it no longer counts against ann's streams
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
		this.updates.register(new RecordingEmitter(), BrandScope.ALL, "ann", null);
	}

	@Test
	void aLaggingStreamGetsOneEventPerBrandAndKindWithTheLatestChange() {
		BlockedEmitter lagging = new BlockedEmitter(this.unblock);
		this.updates.register(lagging, BrandScope.ALL, "ann", null);
		// a backfill of ten days of one brand while the stream is still sending 'connected'
		for (int day = 1; day <= 10; day++) {
			this.updates.onRollupChanged(new RollupChanged("acme", LocalDate.of(2026, 1, day)));
		}
		this.updates.onScorecardChanged(new ScorecardChanged(Fixtures.scorecard("acme", Verdict.STEADY, T1)));
		this.unblock.countDown();
		// one rollup (the last day's) and the scorecard: 11 changes fit in 4 slots, nobody is dropped
		await().until(() -> events(lagging).size() == 2);
		assertThat(lagging.completed).isFalse();
		assertThat(events(lagging).get(0)).contains("event:rollup").contains("2026-01-10");
		assertThat(events(lagging).get(1)).contains("event:scorecard").contains("acme").contains("STEADY");
	}

	/** The named events a stream was sent, as written, without comments ('connected', heartbeats). */
	private static List<String> events(RecordingEmitter emitter) {
		return emitter.sent.stream().map(LiveUpdatesTests::text).filter((text) -> text.contains("event:")).toList();
	}

	/** The event as the stream writes it, its data objects by their {@code toString()}. */
	private static String text(Object event) {
		return ((SseEmitter.SseEventBuilder) event).build()
			.stream()
			.map((part) -> String.valueOf(part.getData()))
			.collect(Collectors.joining());
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
				return;
			}
			super.send(builder);
		}

	}

}
