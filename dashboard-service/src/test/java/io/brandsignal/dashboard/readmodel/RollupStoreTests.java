package io.brandsignal.dashboard.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ReadModelStoreTest
class RollupStoreTests {

	@Autowired
	private RollupStore rollups;

	@Autowired
	private ScorecardStore scorecards;

	@Test
	void storesEachMetricOfADayAndReportsNoChangeWhenReplayed() {
		assertThat(this.rollups
			.upsert(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 100.0, "sales_revenue", 10.0)))).isTrue();

		assertThat(this.rollups
			.upsert(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 100.0, "sales_revenue", 10.0))))
			.isFalse();
		assertThat(this.rollups.values("acme", day("2026-11-19"), day("2026-11-19"))).containsExactly(
				new MetricValue("acme", day("2026-11-19"), "followers", 100.0),
				new MetricValue("acme", day("2026-11-19"), "sales_revenue", 10.0));
	}

	@Test
	void replacesTheWholeDayWithALaterRollup() {
		this.rollups.upsert(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 100.0, "sales_revenue", 10.0)));

		assertThat(this.rollups.upsert(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 120.0)))).isTrue();

		assertThat(this.rollups.values("acme", day("2026-11-19"), day("2026-11-19")))
			.containsExactly(new MetricValue("acme", day("2026-11-19"), "followers", 120.0));
	}

	@Test
	void storesAPollOfRollupsAsIfOneAfterTheOtherWithEachDaysLatestRollupWinning() {
		this.rollups.upsert(Fixtures.rollup("acme", "2026-11-18", Map.of("followers", 90.0, "sales_revenue", 9.0)));

		this.rollups.upsertAll(List.of(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 100.0)),
				Fixtures.rollup("acme", "2026-11-18", Map.of("followers", 95.0)),
				Fixtures.rollup("other", "2026-11-19", Map.of("followers", 5.0)),
				Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 110.0, "sales_revenue", 11.0)),
				Fixtures.rollup("other", "2026-11-19", Map.of())));
		// the same poll delivered again changes nothing
		this.rollups.upsertAll(List.of(Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 100.0)),
				Fixtures.rollup("acme", "2026-11-19", Map.of("followers", 110.0, "sales_revenue", 11.0))));

		assertThat(this.rollups.values("acme", day("2026-11-18"), day("2026-11-19"))).containsExactly(
				new MetricValue("acme", day("2026-11-18"), "followers", 95.0),
				new MetricValue("acme", day("2026-11-19"), "followers", 110.0),
				new MetricValue("acme", day("2026-11-19"), "sales_revenue", 11.0));
		assertThat(this.rollups.values("other", day("2026-11-19"), day("2026-11-19"))).isEmpty();
	}

	@Test
	void readsOnlyTheBrandsDaysInsideTheRangeIncludingBothEnds() {
		for (String date : new String[] { "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20" }) {
			this.rollups.upsert(Fixtures.rollup("acme", date, Map.of("followers", 100.0)));
		}
		this.rollups.upsert(Fixtures.rollup("other", "2026-11-18", Map.of("followers", 5.0)));

		assertThat(this.rollups.values("acme", day("2026-11-18"), day("2026-11-19")))
			.extracting(MetricValue::day)
			.containsExactly(day("2026-11-18"), day("2026-11-19"));
		assertThat(this.rollups.latestDay("acme")).contains(day("2026-11-20"));
		assertThat(this.rollups.latestDay("nobody")).isEmpty();
	}

	@Test
	void readsTheAskedBrandsValuesInsideTheirScoringWindowsAndNoOtherBrands() {
		// The fixture's scorecard covers the 28 days 2026-10-24 to 2026-11-20.
		this.scorecards.upsert(Fixtures.scorecard("acme", Verdict.STEADY, Instant.parse("2026-11-20T10:00:00Z")));
		this.scorecards.upsert(Fixtures.scorecard("globex", Verdict.STEADY, Instant.parse("2026-11-20T10:00:00Z")));
		for (String date : new String[] { "2026-10-23", "2026-10-24", "2026-11-20", "2026-11-21" }) {
			this.rollups.upsert(Fixtures.rollup("acme", date, Map.of("followers", 100.0)));
		}
		// scored, inside its window, but not on the page asked for
		this.rollups.upsert(Fixtures.rollup("globex", "2026-11-20", Map.of("followers", 100.0)));
		this.rollups.upsert(Fixtures.rollup("unscored", "2026-11-20", Map.of("followers", 100.0)));

		assertThat(this.rollups.valuesInScoringWindows(List.of("acme", "unscored")))
			.extracting(MetricValue::brand, MetricValue::day)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("acme", day("2026-10-24")),
					org.assertj.core.groups.Tuple.tuple("acme", day("2026-11-20")));
		assertThat(this.rollups.valuesInScoringWindows(List.of())).isEmpty();
	}

	private static LocalDate day(String date) {
		return LocalDate.parse(date);
	}

}
