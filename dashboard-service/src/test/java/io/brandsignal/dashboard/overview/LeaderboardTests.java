package io.brandsignal.dashboard.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.readmodel.MetricValue;
import io.brandsignal.dashboard.readmodel.RollupChanged;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class LeaderboardTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private static final BrandScope ACME_AND_INITECH = new BrandScope(Set.of("acme", "initech"), false);

	private final Brands brands = mock(Brands.class);

	private final RollupStore rollups = mock(RollupStore.class);

	private final Leaderboard leaderboard = new Leaderboard(this.brands, this.rollups,
			MetricCatalog.defaults());

	@Test
	void readsTheSparklineValuesOfThePagesBrandsOnlyInOneQuery() {
		List<BrandSummary> page = List.of(summary("acme", Verdict.VANITY_TRAP), summary("initech", Verdict.STEADY));
		given(this.brands.page(null, BrandSort.IMPACT_SCORE, ACME_AND_INITECH, 2, 4)).willReturn(page);
		given(this.brands.count(null, ACME_AND_INITECH)).willReturn(7);
		given(this.rollups.valuesInScoringWindows(List.of("acme", "initech")))
			.willReturn(List.of(new MetricValue("acme", LocalDate.parse("2026-11-19"), "followers", 100.0),
					new MetricValue("acme", LocalDate.parse("2026-11-20"), "followers", 150.0)));

		Leaderboard.Page shown = this.leaderboard.page(null, BrandSort.IMPACT_SCORE, ACME_AND_INITECH, 2, 4);

		assertThat(shown.rows()).extracting((row) -> row.brand().brand()).containsExactly("acme", "initech");
		assertThat(shown.total()).isEqualTo(7);
		assertThat(shown.limit()).isEqualTo(2);
		assertThat(shown.offset()).isEqualTo(4);
		// followers 100 then 150 on the window's last two days: the audience line goes from 100 to 150
		assertThat(shown.rows().get(0).sparkline().description()).startsWith("Audience from 100 to 150");
		assertThat(shown.rows().get(1).sparkline().description()).isEqualTo("No daily data in the scoring window.");
		verify(this.rollups).valuesInScoringWindows(List.of("acme", "initech"));
	}

	@Test
	void countsVerdictsOfTheReadersScopeOnly() {
		Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
		for (Verdict verdict : Verdict.values()) {
			counts.put(verdict, (verdict == Verdict.VANITY_TRAP) ? 1L : 0L);
		}
		given(this.brands.countByVerdict(ACME_AND_INITECH)).willReturn(counts);

		assertThat(this.leaderboard.counts(ACME_AND_INITECH)).hasSize(Verdict.values().length)
			.allSatisfy((count) -> assertThat(count.brands()).isEqualTo((count.verdict() == Verdict.VANITY_TRAP) ? 1 : 0));
	}

	@Test
	void givesOneBrandsRowFromItsOwnWindow() {
		given(this.brands.findSummary("acme")).willReturn(Optional.of(summary("acme", Verdict.VANITY_TRAP)));
		// the fixture's window: 28 days ending 2026-11-20
		given(this.rollups.values("acme", LocalDate.parse("2026-10-24"), LocalDate.parse("2026-11-20")))
			.willReturn(List.of(new MetricValue("acme", LocalDate.parse("2026-10-24"), "followers", 200.0),
					new MetricValue("acme", LocalDate.parse("2026-11-20"), "followers", 100.0)));

		Leaderboard.Row row = this.leaderboard.row("acme", ACME_AND_INITECH);

		assertThat(row.brand().brand()).isEqualTo("acme");
		assertThat(row.sparkline().description()).startsWith("Audience from 100 to 50");
	}

	@Test
	void readsARowOnceForEveryReaderUntilItsBrandsScorecardOrDaysChange() {
		given(this.brands.findSummary("acme")).willReturn(Optional.of(summary("acme", Verdict.VANITY_TRAP)));
		given(this.rollups.values("acme", LocalDate.parse("2026-10-24"), LocalDate.parse("2026-11-20")))
			.willReturn(List.of());

		this.leaderboard.row("acme", ACME_AND_INITECH);
		this.leaderboard.row("acme", BrandScope.ALL);
		verify(this.brands, times(1)).findSummary("acme");

		this.leaderboard.onRollupChanged(new RollupChanged("acme", LocalDate.parse("2026-11-20")));
		this.leaderboard.row("acme", BrandScope.ALL);
		verify(this.brands, times(2)).findSummary("acme");

		this.leaderboard.onScorecardChanged(new ScorecardChanged(Fixtures.scorecard("acme", Verdict.STEADY, T1)));
		this.leaderboard.row("acme", BrandScope.ALL);
		verify(this.brands, times(3)).findSummary("acme");
		// the scope is checked before anything kept is served
		assertThatExceptionOfType(BrandNotFoundException.class)
			.isThrownBy(() -> this.leaderboard.row("acme", new BrandScope(Set.of("globex"), false)));
	}

	@Test
	void refusesTheRowOfABrandOutsideTheScopeAsUnknownWithoutReadingIt() {
		assertThatExceptionOfType(BrandNotFoundException.class)
			.isThrownBy(() -> this.leaderboard.row("globex", ACME_AND_INITECH))
			.withMessage("No brand 'globex' is known to the dashboard.");
		verifyNoInteractions(this.brands, this.rollups);
	}

	@Test
	void refusesTheRowOfABrandWithoutScorecardAsUnknown() {
		given(this.brands.findSummary("acme")).willReturn(Optional.empty());

		assertThatExceptionOfType(BrandNotFoundException.class)
			.isThrownBy(() -> this.leaderboard.row("acme", ACME_AND_INITECH));
	}

	private static BrandSummary summary(String brand, Verdict verdict) {
		return BrandSummary.of(Fixtures.scorecard(brand, verdict, T1));
	}

}
