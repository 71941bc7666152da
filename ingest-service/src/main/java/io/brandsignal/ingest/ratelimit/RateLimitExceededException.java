package io.brandsignal.ingest.ratelimit;

import java.time.Duration;

/**
 * An API key has used up its request budget; the client should come back after {@link #retryAfter()}.
 */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitExceededException(String keyName, Duration retryAfter) {
		super("Rate limit of API key '" + keyName + "' exceeded; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	/** How long until the key has a request available again, in whole seconds (at least 1). */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
