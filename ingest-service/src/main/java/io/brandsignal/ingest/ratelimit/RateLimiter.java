package io.brandsignal.ingest.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.brandsignal.ingest.auth.ApiClient;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Keeps one token bucket per API key, so a key that floods the service is slowed down without affecting
 * any other key.
 */
@Component
public class RateLimiter {

	private final RateLimitProperties properties;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimiter(RateLimitProperties properties) {
		this.properties = properties;
	}

	/**
	 * Takes one request from the client's budget.
	 * @param client the authenticated client
	 * @throws RateLimitExceededException when the budget is used up
	 */
	public void acquire(ApiClient client) {
		if (!this.properties.enabled()) {
			return;
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(client.name(), (name) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
			throw new RateLimitExceededException(client.name(), Duration.ofSeconds(seconds));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.properties.capacity())
				.refillGreedy(this.properties.refillTokens(), this.properties.refillPeriod()))
			.build();
	}

}
