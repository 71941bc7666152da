package io.brandsignal.dashboard;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of dashboard-service, under {@code brandsignal.dashboard}.
 *
 * @param users the people and API clients who may log in; none by default
 * @param metrics the business gauges exported to Prometheus
 * @param consumer how the read model retries scorecards and rollups it cannot store
 * @param series limits of the series API and pages
 * @param stream the server-sent event stream
 */
@ConfigurationProperties("brandsignal.dashboard")
public record DashboardProperties(@DefaultValue List<User> users, @DefaultValue Metrics metrics,
		@DefaultValue Consumer consumer, @DefaultValue Series series, @DefaultValue Stream stream) {

	/**
	 * One login.
	 *
	 * @param username the login name
	 * @param passwordBcrypt bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$})
	 */
	public record User(String username, String passwordBcrypt) {
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
	 */
	public record Stream(@DefaultValue("10m") Duration timeout, @DefaultValue("20s") Duration heartbeat) {
	}

}
