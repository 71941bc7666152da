package io.brandsignal.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.access.ApiKeyDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of dashboard-service, under {@code brandsignal.dashboard}.
 *
 * @param users the people who may log in (form login on pages, HTTP Basic on the API); none by default
 * @param readKeys the keys systems read the API with ({@code Authorization: Bearer}); none by default
 * @param brandGroups named lists of brands (an agency's clients) that users and read keys may name as
 * {@code @group} in their brands
 * @param readRateLimit the per-read-key request rate limit
 * @param login throttling of password guessing on the login form and HTTP Basic
 * @param metrics the business gauges exported to Prometheus
 * @param consumer how the read model retries scorecards and rollups it cannot store
 * @param series limits of the series API and pages
 * @param stream the server-sent event stream
 */
@ConfigurationProperties("brandsignal.dashboard")
public record DashboardProperties(@DefaultValue List<User> users, @DefaultValue List<ApiKeyDefinition> readKeys,
		@DefaultValue Map<String, List<String>> brandGroups, @DefaultValue RateLimit readRateLimit,
		@DefaultValue Login login, @DefaultValue Metrics metrics,
		@DefaultValue Consumer consumer, @DefaultValue Series series, @DefaultValue Stream stream) {

	/**
	 * One login.
	 *
	 * @param username the login name
	 * @param passwordBcrypt bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$})
	 * @param brands the brands the person may see: brand slugs, {@code @group} names of
	 * {@code brand-groups}, or {@code *} for every brand (an administrator); required, a user without
	 * brands stops the service from starting
	 */
	public record User(String username, String passwordBcrypt, List<String> brands) {
	}

	/**
	 * A token bucket per read key: {@code capacity} requests in a burst, {@code refillTokens} more every
	 * {@code refillPeriod}.
	 *
	 * @param enabled whether read keys are limited at all
	 * @param capacity the most requests a key can make in a burst
	 * @param refillTokens how many requests a key regains per period
	 * @param refillPeriod the period over which {@code refillTokens} come back, spread evenly
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") long capacity,
			@DefaultValue("50") long refillTokens, @DefaultValue("1s") Duration refillPeriod) {
	}

	/**
	 * Throttling of failed password logins, per username and per client address.
	 *
	 * @param enabled whether failed logins are throttled at all (they are always counted and logged)
	 * @param maxFailures after this many failures within {@code window} a username or address is refused
	 * @param window the period failures are tallied over, from the first one
	 * @param lockout how long a refused username or address stays refused, without a bcrypt check
	 * @param maxTracked the most usernames and addresses tallied at once, bounding memory
	 */
	public record Login(@DefaultValue("true") boolean enabled, @DefaultValue("10") int maxFailures,
			@DefaultValue("5m") Duration window, @DefaultValue("5m") Duration lockout,
			@DefaultValue("100000") long maxTracked) {
	}

	/**
	 * Business gauges.
	 *
	 * @param maxBrands at most this many brands (by name) get a per-brand gauge, bounding the series
	 * count
	 * @param refreshInterval how often the gauges are re-read from the read model besides on every
	 * change
	 */
	public record Metrics(@DefaultValue("100") int maxBrands, @DefaultValue("30s") Duration refreshInterval) {
	}

	/**
	 * How the read model retries a record it cannot store (the consumer itself is set up under
	 * {@code spring.kafka}).
	 *
	 * @param retries how often a failing record is retried before it goes to the dead-letter topic
	 * @param initialBackOff wait before the first retry
	 * @param maxBackOff longest wait between retries
	 */
	public record Consumer(@DefaultValue("3") int retries,
			@DefaultValue("200ms") Duration initialBackOff, @DefaultValue("2s") Duration maxBackOff) {
	}

	/**
	 * The series API.
	 *
	 * @param defaultDays days shown when no range is asked for, ending at the brand's latest day
	 * @param maxDays the longest range one request may ask for
	 */
	public record Series(@DefaultValue("28") int defaultDays, @DefaultValue("1830") int maxDays) {
	}

	/**
	 * The server-sent event stream.
	 *
	 * @param timeout how long one stream stays open before the browser reconnects
	 * @param heartbeat interval of the keep-alive comments that also detect gone clients
	 * @param maxPerCaller the most streams one user or read key may have open on this instance
	 * @param maxTotal the most streams this instance keeps open
	 * @param queueSize events waiting for one stream beyond which its client counts as stuck and is
	 * dropped; changes of one brand still waiting count once, so this bounds the brands with news waiting
	 */
	public record Stream(@DefaultValue("10m") Duration timeout, @DefaultValue("20s") Duration heartbeat,
			@DefaultValue("5") int maxPerCaller, @DefaultValue("500") int maxTotal,
			@DefaultValue("256") int queueSize) {
	}

}
