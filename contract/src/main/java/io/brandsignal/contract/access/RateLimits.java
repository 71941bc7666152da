package io.brandsignal.contract.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per key name, so a key that floods a service is slowed down without affecting any
 * other key. A bucket holds {@code capacity} requests and regains {@code refillTokens} every
 * {@code refillPeriod}, spread evenly. The names come from configuration, so the buckets are bounded.
 */
public final class RateLimits {

	private final boolean enabled;

	private final long capacity;

	private final long refillTokens;

	private final Duration refillPeriod;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * @param property the configuration property the limits come from, for error messages
	 * @param enabled whether requests are limited at all
	 * @param capacity the most requests a key can make in a burst
	 * @param refillTokens how many requests a key regains per period
	 * @param refillPeriod the period over which {@code refillTokens} come back
	 */
	public RateLimits(String property, boolean enabled, long capacity, long refillTokens, Duration refillPeriod) {
		if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
			throw new IllegalArgumentException(
					property + ": capacity and refill-tokens must be >= 1 and refill-period > 0");
		}
		this.enabled = enabled;
		this.capacity = capacity;
		this.refillTokens = refillTokens;
		this.refillPeriod = refillPeriod;
	}

	/**
	 * Takes one request from the key's budget.
	 * @param name the key's name
	 * @return empty when the request may go ahead, otherwise how long until the key has a request
	 * available again, in whole seconds (at least 1)
	 */
	public Optional<Duration> tryAcquire(String name) {
		if (!this.enabled) {
			return Optional.empty();
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(name, (key) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return Optional.of(Duration.ofSeconds(seconds));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.capacity).refillGreedy(this.refillTokens, this.refillPeriod))
			.build();
	}

}
