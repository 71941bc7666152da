package io.brandsignal.ingest.ratelimit;

import io.brandsignal.contract.access.RateLimits;
import io.brandsignal.ingest.auth.ApiClient;

import org.springframework.stereotype.Component;

/**
 * Keeps one token bucket per API key ({@link RateLimits}, shared with the dashboard's read keys), so a
 * key that floods the service is slowed down without affecting any other key.
 */
@Component
public class RateLimiter {

	private final RateLimits limits;

	public RateLimiter(RateLimitProperties properties) {
		this.limits = new RateLimits("brandsignal.ingest.rate-limit", properties.enabled(), properties.capacity(),
				properties.refillTokens(), properties.refillPeriod());
	}

	/**
	 * Takes one request from the client's budget.
	 * @param client the authenticated client
	 * @throws RateLimitExceededException when the budget is used up
	 */
	public void acquire(ApiClient client) {
		this.limits.tryAcquire(client.name()).ifPresent((retryAfter) -> {
			throw new RateLimitExceededException(client.name(), retryAfter);
		});
	}

}
