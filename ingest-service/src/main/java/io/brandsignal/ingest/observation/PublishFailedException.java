package io.brandsignal.ingest.observation;

import java.time.Duration;

/**
 * Kafka did not acknowledge a batch within the bound (broker down, slow, or all publishers busy). The
 * batch may be retried after {@link #retryAfter()}; since observations are upserts of daily cells, a
 * retry never double counts.
 */
public class PublishFailedException extends RuntimeException {

	private final Duration retryAfter;

	/**
	 * @param message what happened, for the caller
	 * @param retryAfter when the caller should try again; rounded up to at least one second
	 * @param cause what the publisher saw, may be {@code null}
	 */
	public PublishFailedException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		// Retry-After counts whole seconds, and 0 would invite an immediate retry against a broker that is down.
		this.retryAfter = Duration.ofSeconds(Math.max(1, retryAfter.toSeconds()));
	}

	/** How long the caller should wait before sending the batch again, in whole seconds (at least 1). */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
