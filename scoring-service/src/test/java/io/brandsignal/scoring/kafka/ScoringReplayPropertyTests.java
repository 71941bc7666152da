package io.brandsignal.scoring.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.scoring.scorecard.ScoringRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shuffling, duplicating or re-sending the input, and recomputing at arbitrary points in between,
 * never changes the final scorecards or rollups: the ledger is an upsert of cells where the later
 * {@code receivedAt} wins. Neither does how many brands the topology may keep in memory.
 */
class ScoringReplayPropertyTests {

	private static final LocalDate D0 = LocalDate.parse("2026-02-01");

	private static final List<ObservationRecorded> INPUT = input();

	private static final Outcome IN_ORDER = run(INPUT, List.of(), ScoringTopologyHarness.DEFAULT_CACHED_BRANDS);

	/** Budgets from none (every read from the store) through fewer than the three brands to plenty. */
	private static final int[] CACHED_BRANDS = { 0, 1, 2, ScoringTopologyHarness.DEFAULT_CACHED_BRANDS };

	/** Three brands over 40 days, two channels for one metric, and superseded versions of some cells. */
	private static List<ObservationRecorded> input() {
		Random random = new Random(11);
		List<ObservationRecorded> input = new ArrayList<>();
		Instant received = Instant.parse("2026-04-01T00:00:00Z");
		String[] brands = { "alpha", "beta", "gamma" };
		for (int b = 0; b < brands.length; b++) {
			double followers = 1000 * (b + 1);
			for (int day = 0; day < 40; day++) {
				LocalDate date = D0.plusDays(day);
				followers += 5 + b * 10 + random.nextInt(10);
				input.add(new ObservationRecorded(brands[b], "followers", "instagram", date, followers,
						received.plusSeconds(input.size()), "p"));
				input.add(new ObservationRecorded(brands[b], "followers", "tiktok", date, followers / 3,
						received.plusSeconds(input.size()), "p"));
				if (day % 3 != 0) {
					input.add(new ObservationRecorded(brands[b], "sales_revenue", "all", date,
							100 + b * day + random.nextInt(20), received.plusSeconds(input.size()), "p"));
				}
				input.add(new ObservationRecorded(brands[b], "likes", "all", date, 50 + random.nextInt(30),
						received.plusSeconds(input.size()), "p"));
			}
			// corrections of earlier cells, received later
			for (int fix = 0; fix < 5; fix++) {
				LocalDate date = D0.plusDays(random.nextInt(40));
				input.add(new ObservationRecorded(brands[b], "likes", "all", date, 500 + fix,
						received.plusSeconds(100_000 + input.size()), "p"));
			}
		}
		return List.copyOf(input);
	}

	@Property(tries = 25)
	void finalScorecardsNeverDependOnOrderDuplicatesOrReplays(@ForAll("reorderings") Reordering reordering) {
		Outcome outcome = run(reordering.records(), reordering.recomputeAfter(), reordering.cachedBrands());

		assertThat(outcome.scorecards()).isEqualTo(IN_ORDER.scorecards());
		assertThat(outcome.rollups()).isEqualTo(IN_ORDER.rollups());
	}

	@Provide
	Arbitrary<Reordering> reorderings() {
		return Arbitraries.longs().map((seed) -> {
			Random random = new Random(seed);
			List<ObservationRecorded> records = new ArrayList<>(INPUT);
			int duplicates = random.nextInt(INPUT.size() / 2);
			for (int i = 0; i < duplicates; i++) {
				records.add(INPUT.get(random.nextInt(INPUT.size())));
			}
			if (random.nextBoolean()) {
				// re-send the whole input once more, as a consumer replay would
				records.addAll(INPUT);
			}
			Collections.shuffle(records, random);
			List<Integer> recomputeAfter = new ArrayList<>();
			for (int i = 0; i < random.nextInt(6); i++) {
				recomputeAfter.add(random.nextInt(records.size()));
			}
			return new Reordering(records, recomputeAfter, CACHED_BRANDS[random.nextInt(CACHED_BRANDS.length)]);
		});
	}

	private static Outcome run(List<ObservationRecorded> records, List<Integer> recomputeAfter, int cachedBrands) {
		try (ScoringTopologyHarness harness = new ScoringTopologyHarness(ScoringRules.defaults(),
				ScoringTopology.Storage.IN_MEMORY, cachedBrands)) {
			Map<String, BrandScored> scorecards = new LinkedHashMap<>();
			Map<String, DailyRollup> rollups = new LinkedHashMap<>();
			for (int i = 0; i < records.size(); i++) {
				harness.send(records.get(i));
				if (recomputeAfter.contains(i)) {
					harness.recompute();
				}
			}
			harness.recompute();
			harness.latestScorecards().forEach((brand, card) -> scorecards.put(brand, withoutTime(card)));
			harness.rollups().forEach((rollup) -> rollups.put(rollup.brand() + '|' + rollup.date(), rollup));
			return new Outcome(new java.util.TreeMap<>(scorecards), new java.util.TreeMap<>(rollups));
		}
	}

	private static BrandScored withoutTime(BrandScored card) {
		return new BrandScored(card.brand(), card.asOf(), card.windowDays(), card.verdict(), card.vanityGrowthPercent(),
				card.vanityMarginPercent(), card.vanityTrend(), card.outcomeGrowthPercent(), card.outcomeMarginPercent(),
				card.outcomeTrend(), card.vanityIndex(), card.impactScore(), card.metrics(), card.evidence(),
				card.flags(), card.explanation(), null);
	}

	record Reordering(List<ObservationRecorded> records, List<Integer> recomputeAfter, int cachedBrands) {

		@Override
		public String toString() {
			return records.size() + " records, recompute after " + recomputeAfter + ", " + cachedBrands
					+ " cached brands";
		}

	}

	record Outcome(Map<String, BrandScored> scorecards, Map<String, DailyRollup> rollups) {
	}

}
