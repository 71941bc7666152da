package io.brandsignal.dashboard.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The events waiting to be sent to one live stream, in the order they first arrived, at most one per key
 * (e.g. {@code rollup:acme}): a newer event replaces the waiting one of its key in place. Bounded by the
 * number of keys, so a backfill touching one brand's days many times costs one slot, while a stream that
 * stopped reading fills up with distinct brands and is then refused. Thread-safe.
 */
final class PendingEvents {

	private final int maxKeys;

	private final Map<String, SseEmitter.SseEventBuilder> events = new LinkedHashMap<>();

	PendingEvents(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	/**
	 * Adds an event, replacing the waiting one with the same key.
	 * @return {@code false} when the event has a new key and {@code maxKeys} are already waiting
	 */
	synchronized boolean offer(String key, SseEmitter.SseEventBuilder event) {
		if (!this.events.containsKey(key) && this.events.size() >= this.maxKeys) {
			return false;
		}
		this.events.put(key, event);
		return true;
	}

	/** Removes and returns the oldest waiting event, or {@code null} when none waits. */
	synchronized SseEmitter.SseEventBuilder poll() {
		Iterator<SseEmitter.SseEventBuilder> oldest = this.events.values().iterator();
		if (!oldest.hasNext()) {
			return null;
		}
		SseEmitter.SseEventBuilder event = oldest.next();
		oldest.remove();
		return event;
	}

	synchronized boolean isEmpty() {
		return this.events.isEmpty();
	}

}
