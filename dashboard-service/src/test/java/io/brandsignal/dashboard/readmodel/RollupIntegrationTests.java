package io.brandsignal.dashboard.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Daily rollups as scoring publishes them, through the read model to the series API: replays change
 * nothing and a day's latest rollup replaces what was stored of it.
 */
class RollupIntegrationTests extends AbstractDashboardIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void keepsRollupValuesUnchangedWhenReplayedAndReplacesADayWithItsLatestRollup() throws Exception {
		DailyRollup first = Fixtures.rollup("rolled", "2026-11-19", Map.of("followers", 100.0, "sales_revenue", 10.0));
		send(first);
		send(first);
		send(Fixtures.rollup("rolled", "2026-11-20", Map.of("followers", 110.0, "sales_revenue", 12.0)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(storedValues("rolled")).hasSize(4));
		send(Fixtures.rollup("rolled", "2026-11-20", Map.of("followers", 120.0)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(storedValues("rolled")).containsExactly("2026-11-19 followers 100.0",
					"2026-11-19 sales_revenue 10.0", "2026-11-20 followers 120.0"));

		String series = get("/api/v1/brands/rolled/series?from=2026-11-19&to=2026-11-20").body();
		// followers 100 -> 120 is index 120; sales_revenue only on the first day stays at 100.
		assertThat(series).contains("\"indexed\":{\"audience\":[100.0,120.0],\"outcomes\":[100.0,100.0]}");
	}

	private List<String> storedValues(String brand) {
		return this.jdbc
			.sql("SELECT day, metric, value FROM daily_metric_value WHERE brand = :brand ORDER BY day, metric")
			.param("brand", brand)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3))
			.list();
	}

}
