package io.brandsignal.dashboard.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.brand.ScorecardView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReadModelStoreTest
class ScorecardStoreTests {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");

	@Autowired
	private ScorecardStore store;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void storesFirstScorecardAndReadsItBackWhole() {
		BrandScored scorecard = Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1);

		assertThat(this.store.upsert(scorecard)).isTrue();

		assertThat(this.store.find("acme")).contains(scorecard);
		assertThat(this.store.exists("acme")).isTrue();
		assertThat(this.store.exists("other")).isFalse();
	}

	@Test
	void readsAScorecardStoredBeforeTheContractCarriedUncertaintyAsUnknown() {
		// a version 1 document, as stored by a dashboard that read brandsignal.scorecards.v1
		String v1 = """
				{"brand":"legacy","asOf":"2026-11-20","windowDays":28,"verdict":"VANITY_TRAP",
				 "vanityGrowthPercent":50.0,"outcomeGrowthPercent":0.0,"vanityIndex":80.0,"impactScore":10.0,
				 "metrics":[{"metric":"followers","category":"VANITY","tier":"OUTPUT","startValue":1000.0,
				             "endValue":1500.0,"growthPercent":50.0,"daysObserved":28}],
				 "evidence":{"vanitySeries":"followers","outcomeSeries":"sales_revenue","bestLagDays":3,
				             "correlation":0.1,"elasticity":0.05,"pValue":0.62,"samples":27,"significant":false},
				 "flags":[],"explanation":"Followers grew 50%.","scoredAt":"2026-11-20T10:00:00Z"}""";
		this.jdbc.sql("""
				INSERT INTO scorecard (brand, as_of, window_days, verdict, vanity_growth_percent,
				                       outcome_growth_percent, vanity_index, impact_score, scored_at, document)
				VALUES ('legacy', DATE '2026-11-20', 28, 'VANITY_TRAP', 50.0, 0.0, 80.0, 10.0,
				        TIMESTAMPTZ '2026-11-20T10:00:00Z', CAST(:document AS jsonb))""").param("document", v1).update();

		ScorecardView view = ScorecardView.of(this.store.find("legacy").orElseThrow());

		assertThat(view.vanityMarginPercent()).isNull();
		assertThat(view.vanityTrend()).isNull();
		assertThat(view.vanityGrowth()).isEqualTo("+50.0 % (margin unknown)");
		assertThat(view.vanitySummary()).isEqualTo("Audience: unknown — +50.0 % (margin unknown)");
		assertThat(view.outcomeSummary()).isEqualTo("Outcomes: unknown — no outcome metric reported");
		assertThat(view.metrics()).singleElement().satisfies((growth) -> {
			assertThat(growth.marginPercent()).isNull();
			assertThat(growth.channels()).isZero();
		});
		assertThat(view.evidence().elasticityLow()).isNull();
		assertThat(view.evidence().effect())
			.isEqualTo("No significant lead of growth in followers over sales revenue (p = 0.62).");
	}

	@Test
	void ignoresReplayedAndOlderScorecards() {
		this.store.upsert(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T2));

		assertThat(this.store.upsert(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T2))).isFalse();
		assertThat(this.store.upsert(Fixtures.scorecard("acme", Verdict.BRAND_BUILDER, T1))).isFalse();

		assertThat(this.store.find("acme")).get().extracting(BrandScored::verdict).isEqualTo(Verdict.VANITY_TRAP);
	}

	@Test
	void tellsWhetherItHoldsAScorecardWhoeverStoredIt() {
		this.store.upsert(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T2));

		assertThat(this.store.holds(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T2))).isTrue();
		assertThat(this.store.holds(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1))).isFalse();
		assertThat(this.store.holds(Fixtures.scorecard("other", Verdict.VANITY_TRAP, T2))).isFalse();
	}

	@Test
	void replacesScorecardWithNewerOne() {
		this.store.upsert(Fixtures.scorecard("acme", Verdict.VANITY_TRAP, T1));

		assertThat(this.store.upsert(Fixtures.scorecard("acme", Verdict.BRAND_BUILDER, T2))).isTrue();

		assertThat(this.store.find("acme")).get().extracting(BrandScored::verdict).isEqualTo(Verdict.BRAND_BUILDER);
	}

	@Test
	void listsBrandsFilteredByVerdictInTheAskedOrder() {
		this.store.upsert(Fixtures.scorecard("alpha", Verdict.VANITY_TRAP, 50.0, 0.0, 80.0, 10.0, T1));
		this.store.upsert(Fixtures.scorecard("bravo", Verdict.BRAND_BUILDER, 20.0, 30.0, 20.0, 90.0, T1));
		this.store.upsert(Fixtures.scorecard("charlie", Verdict.VANITY_TRAP, 40.0, 1.0, 60.0, 30.0, T1));

		assertThat(brands(this.store.findAll(null, BrandSort.VANITY_INDEX))).containsExactly("alpha", "charlie",
				"bravo");
		assertThat(brands(this.store.findAll(null, BrandSort.IMPACT_SCORE))).containsExactly("bravo", "charlie",
				"alpha");
		assertThat(brands(this.store.findAll(Verdict.VANITY_TRAP, BrandSort.BRAND))).containsExactly("alpha",
				"charlie");
	}

	@Test
	void countsBrandsOfEveryVerdictWithZeroForAbsentOnes() {
		this.store.upsert(Fixtures.scorecard("alpha", Verdict.VANITY_TRAP, T1));
		this.store.upsert(Fixtures.scorecard("bravo", Verdict.BRAND_BUILDER, T1));
		this.store.upsert(Fixtures.scorecard("charlie", Verdict.VANITY_TRAP, T1));

		assertThat(this.store.countByVerdict()).containsExactlyInAnyOrderEntriesOf(Map.of(Verdict.BRAND_BUILDER, 1L,
				Verdict.VANITY_TRAP, 2L, Verdict.QUIET_PERFORMER, 0L, Verdict.DECLINING, 0L, Verdict.STEADY, 0L,
				Verdict.INSUFFICIENT_DATA, 0L));
	}

	@Test
	void pagesThroughTheBrandsOfAScopeInTheAskedOrder() {
		// impact scores: bravo 90, delta 70, charlie 30, alpha 10; the scope leaves delta out
		this.store.upsert(Fixtures.scorecard("alpha", Verdict.VANITY_TRAP, 50.0, 0.0, 80.0, 10.0, T1));
		this.store.upsert(Fixtures.scorecard("bravo", Verdict.BRAND_BUILDER, 20.0, 30.0, 20.0, 90.0, T1));
		this.store.upsert(Fixtures.scorecard("charlie", Verdict.VANITY_TRAP, 40.0, 1.0, 60.0, 30.0, T1));
		this.store.upsert(Fixtures.scorecard("delta", Verdict.VANITY_TRAP, 40.0, 1.0, 60.0, 70.0, T1));
		BrandScope scope = new BrandScope(Set.of("alpha", "bravo", "charlie", "unscored"), false);

		assertThat(brands(this.store.page(null, BrandSort.IMPACT_SCORE, scope, 2, 0))).containsExactly("bravo",
				"charlie");
		assertThat(brands(this.store.page(null, BrandSort.IMPACT_SCORE, scope, 2, 2))).containsExactly("alpha");
		assertThat(brands(this.store.page(null, BrandSort.IMPACT_SCORE, scope, 2, 4))).isEmpty();
		assertThat(brands(this.store.page(Verdict.VANITY_TRAP, BrandSort.BRAND, scope, 10, 0)))
			.containsExactly("alpha", "charlie");
		assertThat(this.store.count(null, scope)).isEqualTo(3);
		assertThat(this.store.count(Verdict.VANITY_TRAP, scope)).isEqualTo(2);
		assertThat(this.store.count(null, BrandScope.ALL)).isEqualTo(4);
		assertThat(this.store.countByVerdict(scope)).containsEntry(Verdict.VANITY_TRAP, 2L)
			.containsEntry(Verdict.BRAND_BUILDER, 1L)
			.containsEntry(Verdict.STEADY, 0L);
		BrandScope nothing = new BrandScope(Set.of(), false);
		assertThat(this.store.page(null, BrandSort.BRAND, nothing, 10, 0)).isEmpty();
		assertThat(this.store.count(null, nothing)).isZero();
	}

	@Test
	void givesIndicesOfTheFirstBrandsByName() {
		this.store.upsert(Fixtures.scorecard("charlie", Verdict.VANITY_TRAP, 50.0, 0.0, 60.0, 30.0, T1));
		this.store.upsert(Fixtures.scorecard("alpha", Verdict.VANITY_TRAP, 50.0, 0.0, 80.0, 10.0, T1));
		this.store.upsert(Fixtures.scorecard("bravo", Verdict.BRAND_BUILDER, 20.0, 30.0, 20.0, 90.0, T1));

		assertThat(this.store.indices(2)).containsExactly(new ScorecardStore.BrandIndices("alpha", 80.0, 10.0),
				new ScorecardStore.BrandIndices("bravo", 20.0, 90.0));
	}

	private static List<String> brands(List<BrandScored> scorecards) {
		return scorecards.stream().map(BrandScored::brand).toList();
	}

}
