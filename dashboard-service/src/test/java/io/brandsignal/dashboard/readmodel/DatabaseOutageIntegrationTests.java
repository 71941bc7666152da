package io.brandsignal.dashboard.readmodel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.DashboardProperties;
import io.brandsignal.dashboard.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model while its database is away: a record that cannot be stored for that reason waits for
 * the database, however many attempts that takes, instead of going to the dead-letter topic like a
 * record that is at fault.
 */
class DatabaseOutageIntegrationTests extends AbstractDashboardIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private DashboardProperties properties;

	@Value("${spring.datasource.url}")
	private String url;

	@Value("${spring.datasource.username}")
	private String username;

	@Value("${spring.datasource.password}")
	private String password;

	@Test
	void waitsForTheDatabaseInsteadOfDeadLetteringWhileItIsAway() throws Throwable {
		storesOnceTheDatabaseIsBack("outlasting", () -> send(Fixtures.scorecard("outlasting", Verdict.BRAND_BUILDER, T1)),
				() -> assertThat(get("/api/v1/brands/outlasting/scorecard").body())
					.contains("\"verdict\":\"BRAND_BUILDER\""));
	}

	@Test
	void waitsForTheDatabaseWithAPollOfRollupsInsteadOfDeadLetteringAny() throws Throwable {
		DailyRollup first = Fixtures.rollup("outlasting-rollups", "2026-11-19", Map.of("followers", 100.0));
		DailyRollup second = Fixtures.rollup("outlasting-rollups", "2026-11-20", Map.of("followers", 110.0));
		storesOnceTheDatabaseIsBack(DailyRollup.key(first.brand(), first.date()), () -> {
			send(Topics.DAILY_ROLLUPS.name(), DailyRollup.key(first.brand(), first.date()), bytes(first));
			// the same key, so the same partition: both wait behind the first
			send(Topics.DAILY_ROLLUPS.name(), DailyRollup.key(first.brand(), first.date()), bytes(second));
		}, () -> assertThat(this.jdbc
			.sql("SELECT count(*) FROM daily_metric_value WHERE brand = 'outlasting-rollups'")
			.query(Long.class)
			.single()).isEqualTo(2));
	}

	private void storesOnceTheDatabaseIsBack(String key, ThrowingRunnable send, ThrowingRunnable stored)
			throws Throwable {
		String database = this.jdbc.sql("SELECT current_database()").query(String.class).single();
		double timeoutsBefore = connectionTimeouts();
		// A record at fault would go to the dead letters after this many attempts.
		int boundedAttempts = 1 + this.properties.consumer().retries();
		allowConnections(database, false);
		try {
			send.run();

			await().atMost(Duration.ofSeconds(90))
				.until(() -> connectionTimeouts() - timeoutsBefore > boundedAttempts);
			assertThat(deadLettersNow(key)).isEmpty();
		}
		finally {
			allowConnections(database, true);
		}

		// the pool may take a moment to borrow connections again
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(stored);
		assertThat(deadLettersNow(key)).isEmpty();
	}

	private static byte[] bytes(DailyRollup rollup) {
		return Topics.DAILY_ROLLUPS.valueSerde().serializer().serialize(Topics.DAILY_ROLLUPS.name(), rollup);
	}

	/**
	 * Borrowed connections that gave up: one per attempt to store while the database is away (and per
	 * refresh of the business gauges, which read it too), so the outage lasts longer than the attempts
	 * a record at fault gets before it is dead-lettered.
	 */
	private double connectionTimeouts() {
		return this.meters.get("hikaricp.connections.timeout").counter().count();
	}

	/** Takes the database away from the dashboard (and ends its open connections), or gives it back. */
	private void allowConnections(String database, boolean allowed) throws Exception {
		String administration = this.url.replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
		try (Connection connection = DriverManager.getConnection(administration, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS " + allowed);
			if (!allowed) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
						+ database + "'");
			}
		}
	}

}
