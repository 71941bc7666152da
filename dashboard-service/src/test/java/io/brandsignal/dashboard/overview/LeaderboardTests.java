package io.brandsignal.dashboard.overview;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.brand.BrandSummary;
import io.brandsignal.dashboard.brand.Brands;
import io.brandsignal.dashboard.readmodel.BrandSort;
import io.brandsignal.dashboard.readmodel.RollupStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LeaderboardTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private final Brands brands = mock(Brands.class);

	private final RollupStore rollups = mock(RollupStore.class);

	private final Leaderboard leaderboard = new Leaderboard(this.brands, this.rollups, mock(MetricCatalog.class));

	@Test
	void showsAndCountsOnlyTheBrandsInTheReadersScope() {
		List<BrandSummary> all = List.of(BrandSummary.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1)),
				BrandSummary.of(Fixtures.scorecard("globex", Verdict.VANITY_TRAP, T1)),
				BrandSummary.of(Fixtures.scorecard("initech", Verdict.STEADY, T1)));
		given(this.brands.list(null, BrandSort.BRAND)).willReturn(all);
		given(this.brands.list(null, BrandSort.IMPACT_SCORE)).willReturn(all);
		given(this.rollups.valuesInScoringWindows()).willReturn(List.of());
		BrandScope acmeAndInitech = new BrandScope(Set.of("acme", "initech"), false);

		assertThat(this.leaderboard.rows(null, BrandSort.IMPACT_SCORE, acmeAndInitech))
			.extracting((row) -> row.brand().brand())
			.containsExactly("acme", "initech");
		// one vanity trap (acme, not globex) and one steady brand (initech), every other verdict none
		assertThat(this.leaderboard.counts(acmeAndInitech)).allSatisfy((count) -> assertThat(count.brands())
			.isEqualTo((count.verdict() == Verdict.VANITY_TRAP || count.verdict() == Verdict.STEADY) ? 1 : 0))
			.hasSize(Verdict.values().length);
	}

}
