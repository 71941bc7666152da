package io.brandsignal.systemtests;

import java.nio.file.Path;
import java.time.LocalDate;

import io.brandsignal.launcher.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.brandsignal.systemtests.SystemTestStack.getFromDashboard;
import static io.brandsignal.systemtests.SystemTestStack.postObservations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping and starting the local stack keeps everything: the dashboard's read model, the broker's
 * topics and the scoring state, so data posted after a restart is scored together with data from
 * before it.
 */
class RestartTests {

	private static final LocalDate START = LocalDate.of(2026, 9, 1);

	@TempDir
	Path data;

	@Test
	void keepsScorecardsAndHistoryAcrossStopAndStart() {
		Path data = this.data;
		try (LocalStack first = SystemTestStack.start(data)) {
			// Followers 1000 + 20 a day for 27 days (days 0..26), flat sales for all 28 days (asOf day 27).
			assertThat(postObservations(first, new ObservationsJson()
				.daily("restart-brand", "followers", "instagram", START, 27, (day) -> 1000 + 20 * day)
				.daily("restart-brand", "sales_revenue", "shop", START, 28, (day) -> 100)
				.toString()).statusCode()).isEqualTo(202);
			SystemTestStack.awaitScorecard(first, "restart-brand",
					(card) -> assertThat(card.get("asOf").asString()).isEqualTo("2026-09-28"));
		}
		try (LocalStack second = SystemTestStack.start(data)) {
			assertThat(getFromDashboard(second, "/api/v1/brands/restart-brand/scorecard").statusCode())
				.as("scorecard served from the kept read model right after start")
				.isEqualTo(200);
			// Day 27 completes the 28-day window: growth from 1000 to 1540 needs the days posted before the restart.
			assertThat(postObservations(second, new ObservationsJson()
				.daily("restart-brand", "followers", "instagram", START.plusDays(27), 1, (day) -> 1540)
				.toString()).statusCode()).isEqualTo(202);
			JsonNode card = SystemTestStack.awaitScorecard(second, "restart-brand",
					EndToEndTests::assertFollowersGrewFrom1000To1540);
			assertThat(card.get("verdict").asString()).isEqualTo("VANITY_TRAP");
		}
	}

}
