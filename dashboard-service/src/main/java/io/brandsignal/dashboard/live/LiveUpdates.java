package io.brandsignal.dashboard.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every change of this instance's read model to the browsers connected to it, as server-sent
 * events, each browser only those of the brands its reader may see: {@code scorecard} (a {@link BrandSummary}) when a brand's scorecard changed, {@code rollup}
 * (brand and date) when a brand's daily values changed. Sending runs on a thread of its own so a slow
 * browser never holds up the Kafka consumer; comments sent as heartbeats keep proxies from closing idle
 * streams and reveal browsers that went away. On shutdown the streams are ended first, so the web
 * server's graceful shutdown does not wait for them (browsers reconnect to another instance).
 */
@Component
public class LiveUpdates implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private final List<Subscriber> emitters = new CopyOnWriteArrayList<>();

	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
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
	 * A new stream for one browser, open until its timeout or until the browser leaves.
	 * @param scope the brands whose changes the stream carries
	 */
	public SseEmitter subscribe(BrandScope scope) {
		SseEmitter emitter = new SseEmitter(this.settings.timeout().toMillis());
		Subscriber subscriber = new Subscriber(emitter, scope);
		emitter.onCompletion(() -> this.emitters.remove(subscriber));
		emitter.onTimeout(() -> this.emitters.remove(subscriber));
		emitter.onError((ex) -> this.emitters.remove(subscriber));
		this.emitters.add(subscriber);
		this.sender.execute(() -> send(emitter, SseEmitter.event().comment("connected").reconnectTime(3000)));
		return emitter;
	}

	@EventListener
	void onScorecardChanged(ScorecardChanged changed) {
		broadcast(changed.scorecard().brand(), "scorecard", BrandSummary.of(changed.scorecard()));
	}

	@EventListener
	void onRollupChanged(RollupChanged changed) {
		broadcast(changed.brand(), "rollup", Map.of("brand", changed.brand(), "date", changed.day().toString()));
	}

	private void broadcast(String brand, String name, Object data) {
		this.sender.execute(() -> {
			for (Subscriber subscriber : this.emitters) {
				if (subscriber.scope().includes(brand)) {
					send(subscriber.emitter(), SseEmitter.event().name(name).data(data));
				}
			}
		});
	}

	private void sendHeartbeat() {
		this.sender.execute(() -> {
			for (Subscriber subscriber : this.emitters) {
				send(subscriber.emitter(), SseEmitter.event().comment("heartbeat"));
			}
		});
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
			try {
				subscriber.emitter().complete();
			}
			catch (RuntimeException ex) {
				logger.debug("Stream already gone at shutdown: {}", ex.getMessage());
			}
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

	/** One open stream and the brands it may carry. */
	private record Subscriber(SseEmitter emitter, BrandScope scope) {
	}

	@Override
	public void destroy() {
		this.heartbeat.cancel(false);
		stop();
		this.sender.shutdownNow();
	}

}
