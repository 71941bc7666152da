package io.brandsignal.dashboard.brand;

import java.time.Instant;
import java.util.Optional;

import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.readmodel.RollupStore;
import io.brandsignal.dashboard.readmodel.ScorecardChanged;
import io.brandsignal.dashboard.readmodel.ScorecardStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class BrandsTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private final ScorecardStore scorecards = mock(ScorecardStore.class);

	private final Brands brands = new Brands(this.scorecards, mock(RollupStore.class));

	@Test
	void readsABrandsScorecardOnceUntilANewerOneIsStored() {
		given(this.scorecards.find("acme")).willReturn(Optional.of(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1)),
				Optional.of(Fixtures.scorecard("acme", Verdict.BRAND_BUILDER, T1.plusSeconds(60))));

		assertThat(this.brands.findScorecard("acme")).get().extracting(ScorecardView::verdict)
			.isEqualTo(Verdict.VANITY_TRAP);
		assertThat(this.brands.findScorecard("acme")).get().extracting(ScorecardView::verdict)
			.isEqualTo(Verdict.VANITY_TRAP);
		verify(this.scorecards, times(1)).find("acme");

		this.brands.onScorecardChanged(
				new ScorecardChanged(Fixtures.scorecard("acme", Verdict.BRAND_BUILDER, T1.plusSeconds(60))));

		assertThat(this.brands.findScorecard("acme")).get().extracting(ScorecardView::verdict)
			.isEqualTo(Verdict.BRAND_BUILDER);
		verify(this.scorecards, times(2)).find("acme");
	}

	@Test
	void keepsAskingForABrandWithoutScorecard() {
		given(this.scorecards.find("fresh")).willReturn(Optional.empty());

		assertThat(this.brands.findScorecard("fresh")).isEmpty();
		assertThat(this.brands.findScorecard("fresh")).isEmpty();

		verify(this.scorecards, times(2)).find("fresh");
	}

}
