package io.brandsignal.dashboard.readmodel;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.AbstractDashboardIntegrationTests;
import io.brandsignal.dashboard.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scorecards as scoring publishes them, through the read model to the API, the kept brand page and the
 * live stream: newer ones replace older ones, replays change nothing, and what another instance sharing
 * the database stored first still reaches this instance's readers.
 */
class ScorecardIntegrationTests extends AbstractDashboardIntegrationTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ScorecardStore scorecardStore;

	@Autowired
	private RollupStore rollupStore;

	@Test
	void storesNewerScorecardsAndIgnoresReplaysAndOlderOnes() throws Exception {
		send(Fixtures.scorecard("replayed", Verdict.VANITY_TRAP, T2));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/replayed/scorecard").body())
				.contains("\"verdict\":\"VANITY_TRAP\""));
		Instant firstUpdate = updatedAt("replayed");

		send(Fixtures.scorecard("replayed", Verdict.VANITY_TRAP, T2));
		send(Fixtures.scorecard("replayed", Verdict.BRAND_BUILDER, T1));
		// An unstorable record on the same key (so the same partition) marks when the two above were processed.
		send("replayed", new BrandScored(null, null, 28, Verdict.STEADY, null, null, null, null, null, null, 0, 0,
				List.of(), null,
				List.of(), "", T1));
		deadLetters("replayed", 1);

		assertThat(get("/api/v1/brands/replayed/scorecard").body()).contains("\"verdict\":\"VANITY_TRAP\"")
			.contains("\"scoredAt\":\"2026-11-20T11:00:00Z\"");
		assertThat(updatedAt("replayed")).isEqualTo(firstUpdate);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scorecard WHERE brand = 'replayed'").query(Long.class).single())
			.isEqualTo(1);

		send(Fixtures.scorecard("replayed", Verdict.BRAND_BUILDER, 60.0, 20.0, 40.0, 70.0, T2.plusSeconds(60)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/v1/brands/replayed/scorecard").body())
				.contains("\"verdict\":\"BRAND_BUILDER\"")
				.contains("\"scoredAt\":\"2026-11-20T11:01:00Z\""));
	}

	@Test
	void showsEveryNewScorecardOnTheKeptBrandPage() throws Exception {
		send(Fixtures.scorecard("paged", Verdict.VANITY_TRAP, T1));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/brands/paged").body()).contains(">Vanity trap</span>"));

		String first = get("/brands/paged").body();
		String second = get("/brands/paged").body();
		assertThat(second).containsPattern("href=\"/assets/css/app-[0-9a-f]{32}\\.css\"")
			.isEqualTo(first.replace(csrfField(first), csrfField(second)));

		send(Fixtures.scorecard("paged", Verdict.BRAND_BUILDER, T2));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/brands/paged").body()).contains(">Brand builder</span>")
				.doesNotContain(">Vanity trap</span>"));
	}

	@Test
	void showsWhatAnotherInstanceSharingTheDatabaseStoredFirst() throws Exception {
		send(Fixtures.scorecard("shared", Verdict.VANITY_TRAP, T1));
		send(Fixtures.rollup("shared", "2026-11-19", Map.of("followers", 100.0)));
		send(Fixtures.rollup("shared", "2026-11-20", Map.of("followers", 110.0)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/brands/shared").body()).contains("Vanity trap");
			assertThat(get("/api/v1/brands/shared/series?from=2026-11-19&to=2026-11-20").body())
				.contains("\"audience\":[100.0,110.0]");
		});

		// Another dashboard instance consumes the next records first and stores them in the shared database.
		BrandScored rescored = Fixtures.scorecard("shared", Verdict.BRAND_BUILDER, T2);
		DailyRollup corrected = Fixtures.rollup("shared", "2026-11-20", Map.of("followers", 120.0));
		this.scorecardStore.upsert(rescored);
		this.rollupStore.upsert(corrected);
		// This instance then consumes the same records, which change no row here.
		send(rescored);
		send(corrected);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(get("/brands/shared").body()).contains("Brand builder").doesNotContain("Vanity trap");
			assertThat(get("/api/v1/brands/shared/scorecard").body()).contains("\"verdict\":\"BRAND_BUILDER\"");
			assertThat(get("/api/v1/brands/shared/series?from=2026-11-19&to=2026-11-20").body())
				.contains("\"audience\":[100.0,120.0]");
		});
	}

	@Test
	void pushesEveryScorecardChangeToServerSentEventStream() throws Exception {
		HttpRequest request = authorized("/api/v1/stream").header("Accept", "text/event-stream").build();
		withStream(request, (lines) -> {
			send(Fixtures.scorecard("streamed", Verdict.BRAND_BUILDER, T1));
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines).contains("event:scorecard")
				.anySatisfy((line) -> assertThat(line).startsWith("data:")
					.contains("\"brand\":\"streamed\"")
					.contains("\"verdict\":\"BRAND_BUILDER\"")));
		});
	}

	@Test
	void streamsOnlyTheChangesOfBrandsInTheReadersScope() throws Exception {
		// the read key bsr_test_acme_key may read acme only (config/application.properties)
		HttpRequest request = HttpRequest.newBuilder(authorized("/api/v1/stream").build().uri())
			.header("Authorization", "Bearer bsr_test_acme_key")
			.header("Accept", "text/event-stream")
			.build();
		withStream(request, (lines) -> {
			send(Fixtures.scorecard("outside-scope", Verdict.VANITY_TRAP, T1));
			// stored, so its event was queued for the streams before acme's below
			await().atMost(Duration.ofSeconds(20))
				.until(() -> get("/api/v1/brands/outside-scope/scorecard").statusCode() == 200);
			send(Fixtures.scorecard("acme", Verdict.BRAND_BUILDER, T1));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(lines).anySatisfy((line) -> assertThat(line).contains("\"brand\":\"acme\"")));
			assertThat(lines).noneSatisfy((line) -> assertThat(line).contains("outside-scope"));
		});
	}

	private static String csrfField(String page) {
		Matcher field = CSRF_FIELD.matcher(page);
		assertThat(field.find()).as("a hidden _csrf field").isTrue();
		return field.group(1);
	}

	private Instant updatedAt(String brand) {
		return this.jdbc.sql("SELECT updated_at FROM scorecard WHERE brand = :brand")
			.param("brand", brand)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single();
	}

}
