package io.brandsignal.ingest.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-API-key request rate limit, under {@code brandsignal.ingest.rate-limit}: a token bucket per key
 * that holds {@code capacity} requests and regains {@code refillTokens} every {@code refillPeriod}. Each
 * POST of a batch takes one token, so a key may burst to {@code capacity} batches and then sustain
 * {@code refillTokens / refillPeriod} batches.
 *
 * @param enabled whether requests are limited at all
 * @param capacity the most requests a key can make in a burst
 * @param refillTokens how many requests a key regains per period
 * @param refillPeriod the period over which {@code refillTokens} come back, spread evenly
 */
@ConfigurationProperties("brandsignal.ingest.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") long capacity,
		@DefaultValue("50") long refillTokens, @DefaultValue("1s") Duration refillPeriod) {
	// checked where the buckets are made (RateLimits), when the service starts

}
