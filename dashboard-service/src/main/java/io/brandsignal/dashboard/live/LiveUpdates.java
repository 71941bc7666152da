package io.brandsignal.dashboard.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.readmodel.CampaignChanged;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every change of this instance's read model to the browsers connected to it, as server-sent
 * events, each browser only those of the brands its reader may see: {@code scorecard} (a {@link BrandSummary}) when a brand's scorecard changed, {@code rollup}
 * (brand and date) when a brand's daily values changed. Each stream has bounded {@link PendingEvents} of its
 * own, drained by a pooled thread, so a slow browser never holds up the Kafka consumer nor the other
 * browsers. Changes of one brand still waiting to be sent are folded into the latest (browsers only ask
 * which brand changed), so a backfill's burst costs a stream one event per brand, not one per day; a
 * stream with more brands waiting than its bound is stuck and is dropped (it reconnects when it catches up). Comments sent as
 * heartbeats keep proxies from closing idle streams and reveal browsers that went away. Streams are
 * limited per caller and in total ({@code brandsignal.dashboard.stream.*}), and a person's streams end
 * when their session does (logout). On shutdown the streams are ended first, so the web server's
 * graceful shutdown does not wait for them (browsers reconnect to another instance).
 */
@Component
public class LiveUpdates implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private final List<Subscriber> emitters = new CopyOnWriteArrayList<>();

	// One thread per stream at most while it has events queued; the total is bounded by maxTotal. Threads
	// are reused and end after a minute idle.
	private final ExecutorService sender = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "dashboard-live-updates");
		thread.setDaemon(true);
		return thread;
	});

	private final DashboardProperties.Stream settings;

	private final ScheduledFuture<?> heartbeat;

	private volatile boolean running;

	public LiveUpdates(DashboardProperties properties, TaskScheduler scheduler) {
		this.settings = properties.stream();
		this.heartbeat = scheduler.scheduleWithFixedDelay(this::sendHeartbeat, this.settings.heartbeat());
	}

	/**
	 * A new stream for one browser, open until its timeout, until the browser leaves or until the session
	 * it was opened in ends.
	 * @param scope the brands whose changes the stream carries
	 * @param caller who opens it (user or read-key name), for the per-caller limit
	 * @param sessionId the HTTP session it belongs to, or {@code null} for a session-less client
	 * @throws TooManyStreamsException when the caller or the instance has the most streams allowed open
	 */
	public SseEmitter subscribe(BrandScope scope, String caller, String sessionId) {
		return register(new SseEmitter(this.settings.timeout().toMillis()), scope, caller, sessionId);
	}

	synchronized SseEmitter register(SseEmitter emitter, BrandScope scope, String caller, String sessionId) {
		if (this.emitters.size() >= this.settings.maxTotal()) {
			throw new TooManyStreamsException("This instance has the most live streams open it allows ("
					+ this.settings.maxTotal() + "); try again later");
		}
		long own = this.emitters.stream().filter((subscriber) -> subscriber.caller().equals(caller)).count();
		if (own >= this.settings.maxPerCaller()) {
			throw new TooManyStreamsException("At most " + this.settings.maxPerCaller()
					+ " live streams may be open per user or key; close one first");
		}
		Subscriber subscriber = new Subscriber(emitter, scope, caller, sessionId,
				new PendingEvents(this.settings.queueSize()), new AtomicBoolean());
		emitter.onCompletion(() -> this.emitters.remove(subscriber));
		emitter.onTimeout(() -> this.emitters.remove(subscriber));
		emitter.onError((ex) -> this.emitters.remove(subscriber));
		this.emitters.add(subscriber);
		enqueue(subscriber, "connected", SseEmitter.event().comment("connected").reconnectTime(3000));
		return emitter;
	}

	/** Ends the streams opened in a session that ended, on logout among others. */
	@EventListener
	void onSessionDestroyed(HttpSessionDestroyedEvent destroyed) {
		String id = destroyed.getId();
		for (Subscriber subscriber : this.emitters) {
			if (id.equals(subscriber.sessionId())) {
				this.emitters.remove(subscriber);
				this.sender.execute(() -> complete(subscriber.emitter()));
			}
		}
	}

	@EventListener
	void onScorecardChanged(ScorecardChanged changed) {
		broadcast(changed.scorecard().brand(), "scorecard", BrandSummary.of(changed.scorecard()));
	}

	@EventListener
	void onRollupChanged(RollupChanged changed) {
		broadcast(changed.brand(), "rollup", Map.of("brand", changed.brand(), "date", changed.day().toString()));
	}

	@EventListener
	void onCampaignChanged(CampaignChanged changed) {
		broadcast(changed.brand(), "campaign", Map.of("brand", changed.brand(), "id", changed.id()));
	}

	private void broadcast(String brand, String name, Object data) {
		for (Subscriber subscriber : this.emitters) {
			if (subscriber.scope().includes(brand)) {
				enqueue(subscriber, name + ":" + brand, SseEmitter.event().name(name).data(data));
			}
		}
	}

	private void sendHeartbeat() {
		for (Subscriber subscriber : this.emitters) {
			enqueue(subscriber, "heartbeat", SseEmitter.event().comment("heartbeat"));
		}
	}

	/**
	 * Queues an event for one stream, in place of one of the same key still waiting, and makes sure a
	 * thread drains the stream; a stream with too many events waiting is stuck or too slow and is dropped
	 * without waiting for it.
	 */
	private void enqueue(Subscriber subscriber, String key, SseEmitter.SseEventBuilder event) {
		if (!subscriber.pending().offer(key, event)) {
			logger.debug("Dropping a live-update stream that does not keep up");
			this.emitters.remove(subscriber);
			// completing waits for the stuck send to give up, so not on this thread
			this.sender.execute(() -> complete(subscriber.emitter()));
			return;
		}
		if (subscriber.draining().compareAndSet(false, true)) {
			this.sender.execute(() -> drain(subscriber));
		}
	}

	private void drain(Subscriber subscriber) {
		while (true) {
			SseEmitter.SseEventBuilder event;
			while ((event = subscriber.pending().poll()) != null) {
				send(subscriber.emitter(), event);
			}
			subscriber.draining().set(false);
			// an event queued after the last poll but before the flag was cleared would be left behind
			if (subscriber.pending().isEmpty() || !subscriber.draining().compareAndSet(false, true)) {
				return;
			}
		}
	}

	private static void complete(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (RuntimeException ex) {
			logger.debug("Stream already gone: {}", ex.getMessage());
		}
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Dropping a live-update stream whose browser went away: {}", ex.getMessage());
			this.emitters.removeIf((subscriber) -> subscriber.emitter() == emitter);
			try {
				emitter.completeWithError(ex);
			}
			catch (IllegalStateException alreadyGone) {
				// a stream whose request never started or already ended cannot be completed again
				logger.debug("Live-update stream already ended: {}", alreadyGone.getMessage());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (Subscriber subscriber : this.emitters) {
			complete(subscriber.emitter());
		}
		this.emitters.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the web server's graceful shutdown, which would otherwise wait for open streams. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	/** One open stream, the brands it may carry, whose it is and the events waiting to be sent. */
	private record Subscriber(SseEmitter emitter, BrandScope scope, String caller, String sessionId,
			PendingEvents pending, AtomicBoolean draining) {

		Subscriber {
			Objects.requireNonNull(caller, "caller");
		}

	}

	@Override
	public void destroy() {
		this.heartbeat.cancel(false);
		stop();
		this.sender.shutdownNow();
	}

}
