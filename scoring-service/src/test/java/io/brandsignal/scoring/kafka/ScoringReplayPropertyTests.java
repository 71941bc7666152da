package io.brandsignal.scoring.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Shuffling, duplicating or re-sending the input, and recomputing at arbitrary points in between,
 * never changes the final scorecards or rollups: the ledger is an upsert of cells where the later
 * {@code receivedAt} wins. Neither does how many brands the topology may keep in memory. Each property
 * compares with the input sent once, in order, scored once with the default memory budget.
 * <p>
 * Inputs are generated so that they shrink towards that reference: fewer swaps of two records, fewer
 * duplicates, fewer recompute points, a smaller memory budget. A failure reports the smallest
 * counter-example found and its seed (QuickTheories' {@code QT_SEED} system property replays it).
 */
class ScoringReplayPropertyTests {

	private static final LocalDate D0 = LocalDate.parse("2026-02-01");

	private static final List<ObservationRecorded> INPUT = input();

	private static final Outcome IN_ORDER = run(new Plan(INPUT, List.of(), ScoringTopologyHarness.DEFAULT_CACHED_BRANDS));

	/** Examples per property; each is a full run of the topology over some 500 to 1,200 records. */
	private static final int EXAMPLES = 12;

	/** Swaps of two records at most: 400 of them shuffle the input thoroughly. */
	private static final int MOST_SWAPS = 400;

	/** Runs a failing property spends looking for a smaller counter-example, each a run of the topology. */
	private static final int SHRINK_CYCLES = 100;

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

	@Test
	void finalScorecardsAndRollupsNeverDependOnArrivalOrder() {
		qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
			.forAll(swaps(), recomputePoints())
			.as((order, recomputes) -> Plan.of(INPUT, order, recomputes, ScoringTopologyHarness.DEFAULT_CACHED_BRANDS))
			.checkAssert(ScoringReplayPropertyTests::scoresAsInOrder);
	}

	@Test
	void finalScorecardsAndRollupsNeverDependOnDuplicates() {
		qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
			.forAll(duplicates(1), swaps(), recomputePoints())
			.as((duplicates, order, recomputes) -> Plan.of(concat(INPUT, duplicates), order, recomputes,
					ScoringTopologyHarness.DEFAULT_CACHED_BRANDS))
			.checkAssert(ScoringReplayPropertyTests::scoresAsInOrder);
	}

	@Test
	void finalScorecardsAndRollupsNeverDependOnAReplayOfTheWholeInput() {
		qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
			.forAll(swaps(), recomputePoints())
			.as((order, recomputes) -> Plan.of(concat(INPUT, INPUT), order, recomputes,
					ScoringTopologyHarness.DEFAULT_CACHED_BRANDS))
			.checkAssert(ScoringReplayPropertyTests::scoresAsInOrder);
	}

	@Test
	void finalScorecardsAndRollupsNeverDependOnHowManyBrandsAreKeptInMemory() {
		// from none (every read from the store) through fewer than the three brands to all of them
		qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
			.forAll(integers().between(0, 3), duplicates(0), swaps(), recomputePoints())
			.as((cachedBrands, duplicates, order, recomputes) -> Plan.of(concat(INPUT, duplicates), order, recomputes,
					cachedBrands))
			.checkAssert(ScoringReplayPropertyTests::scoresAsInOrder);
	}

	private static void scoresAsInOrder(Plan plan) {
		Outcome outcome = run(plan);

		assertThat(differences(outcome.scorecards(), IN_ORDER.scorecards())).as("scorecards unlike in order").isEmpty();
		assertThat(differences(outcome.rollups(), IN_ORDER.rollups())).as("rollups unlike in order").isEmpty();
	}

	/** The keys whose values differ from the expected ones, the first with both values. */
	private static <V> List<String> differences(Map<String, V> actual, Map<String, V> expected) {
		List<String> differences = new ArrayList<>();
		for (String key : new TreeSet<>(concat(actual.keySet(), expected.keySet()))) {
			if (!Objects.equals(actual.get(key), expected.get(key))) {
				differences.add(differences.isEmpty()
						? key + " (" + actual.get(key) + ", expected " + expected.get(key) + ")" : key);
			}
		}
		return differences;
	}

	/**
	 * Swaps of two records, applied one after the other to the records in their original order; each
	 * is two positions in thousandths of the way through the records ({@code 1000 * from + to}). Their
	 * number is drawn on its own, so that it shrinks like a number.
	 */
	private static Gen<List<Integer>> swaps() {
		return integers().between(0, MOST_SWAPS)
			.zip(lists().of(integers().between(0, 999_999)).ofSize(MOST_SWAPS), (count, swaps) -> swaps.subList(0, count));
	}

	/** Where to let the punctuator run, in thousandths of the way through the records. */
	private static Gen<List<Integer>> recomputePoints() {
		return lists().of(integers().between(0, 999)).ofSizeBetween(0, 5);
	}

	/** Input records to send a second time, at least {@code least} of them. */
	private static Gen<List<ObservationRecorded>> duplicates(int least) {
		return lists().of(integers().between(0, INPUT.size() - 1))
			.ofSizeBetween(least, INPUT.size() / 2)
			.map((indexes) -> indexes.stream().map(INPUT::get).toList());
	}

	private static <T> List<T> concat(Collection<T> first, Collection<T> second) {
		List<T> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	private static Outcome run(Plan plan) {
		try (ScoringTopologyHarness harness = new ScoringTopologyHarness(ScoringRules.defaults(),
				ScoringTopology.Storage.IN_MEMORY, plan.cachedBrands())) {
			for (int i = 0; i < plan.records().size(); i++) {
				harness.send(plan.records().get(i));
				if (plan.recomputeAfter().contains(i)) {
					harness.recompute();
				}
			}
			harness.recompute();
			Map<String, BrandScored> scorecards = new TreeMap<>();
			harness.latestScorecards().forEach((brand, card) -> scorecards.put(brand, ScoringTopologyHarness.withoutTime(card)));
			Map<String, DailyRollup> rollups = new TreeMap<>();
			harness.rollups().forEach((rollup) -> rollups.put(rollup.brand() + '|' + rollup.date(), rollup));
			return new Outcome(scorecards, rollups);
		}
	}

	/**
	 * Records to send in this order, the indexes after which the punctuator runs, and the memory
	 * budget; described by how it differs from the input sent once in order, to read a counter-example.
	 */
	record Plan(List<ObservationRecorded> records, List<Integer> recomputeAfter, int cachedBrands) {

		/** Sends {@code records} in their order after the {@code swaps}. */
		static Plan of(List<ObservationRecorded> records, List<Integer> swaps, List<Integer> recomputePoints,
				int cachedBrands) {
			List<ObservationRecorded> shuffled = new ArrayList<>(records);
			for (int swap : swaps) {
				Collections.swap(shuffled, swap / 1000 * shuffled.size() / 1000, swap % 1000 * shuffled.size() / 1000);
			}
			List<Integer> recomputeAfter = recomputePoints.stream()
				.map((point) -> point * shuffled.size() / 1000)
				.sorted()
				.toList();
			return new Plan(List.copyOf(shuffled), recomputeAfter, cachedBrands);
		}

		@Override
		public String toString() {
			List<String> moved = new ArrayList<>();
			int elsewhere = 0;
			for (int i = 0; i < this.records.size(); i++) {
				if (i >= INPUT.size() || !this.records.get(i).equals(INPUT.get(i))) {
					elsewhere++;
					ObservationRecorded record = this.records.get(i);
					if (moved.size() < 4) {
						moved.add("#" + i + " is input #" + INPUT.indexOf(record) + " " + record.brand() + " "
								+ record.metric() + "/" + record.channel() + " " + record.date() + "=" + record.value());
					}
				}
			}
			return this.records.size() + " records (" + (this.records.size() - INPUT.size()) + " sent twice), "
					+ elsewhere + " not where the input in order has them, first " + moved + "; recompute after "
					+ this.recomputeAfter + "; " + this.cachedBrands + " cached brands";
		}

	}

	record Outcome(Map<String, BrandScored> scorecards, Map<String, DailyRollup> rollups) {
	}

}
