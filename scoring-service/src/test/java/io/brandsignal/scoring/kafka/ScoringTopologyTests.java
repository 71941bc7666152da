package io.brandsignal.scoring.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring topology as Kafka sees it, in a {@link org.apache.kafka.streams.TopologyTestDriver}: what
 * is published, when, keyed how, and what the state stores keep. The scoring math itself (growth,
 * indexes, evidence, explanations) is the scorer's tests' business; where a test here needs a verdict,
 * its data leaves no doubt about it.
 */
class ScoringTopologyTests {

	static final LocalDate D0 = LocalDate.parse("2026-03-01");

	private final ScoringTopologyHarness harness = new ScoringTopologyHarness();

	@AfterEach
	void close() {
		this.harness.close();
	}

	/** 28 daily values d0..d27. */
	private List<ObservationRecorded> daily(String brand, String metric, IntToDoubleFunction valueOnDay) {
		return daily(this.harness, brand, metric, 0, 28, valueOnDay);
	}

	private List<ObservationRecorded> daily(String brand, String metric, int firstDay, int days,
			IntToDoubleFunction valueOnDay) {
		return daily(this.harness, brand, metric, firstDay, days, valueOnDay);
	}

	private static List<ObservationRecorded> daily(ScoringTopologyHarness harness, String brand, String metric,
			int firstDay, int days, IntToDoubleFunction valueOnDay) {
		List<ObservationRecorded> observations = new ArrayList<>();
		for (int day = firstDay; day < firstDay + days; day++) {
			observations.add(harness.observation(brand, metric, D0.plusDays(day), valueOnDay.applyAsDouble(day)));
		}
		return observations;
	}

	/**
	 * 28 days in which followers double, steadily, while sales do not move at all: a vanity trap under
	 * any reading of growth.
	 */
	private static List<ObservationRecorded> vanityTrap(ScoringTopologyHarness harness, String brand) {
		List<ObservationRecorded> observations = new ArrayList<>(
				daily(harness, brand, "followers", 0, 28, (day) -> Math.round(1000 * Math.pow(2, day / 27.0))));
		observations.addAll(daily(harness, brand, "sales_revenue", 0, 28, (day) -> 100));
		return observations;
	}

	private List<ObservationRecorded> vanityTrap(String brand) {
		return vanityTrap(this.harness, brand);
	}

	@Test
	void emitsOneScorecardPerChangedBrandKeyedByBrandAsOfItsLatestDay() {
		this.harness.send(vanityTrap("acme"))
			.send(daily("other", "followers", 0, 10, (day) -> 500))
			.recompute();

		List<KeyValue<String, BrandScored>> scorecards = this.harness.keyedScorecards();
		assertThat(scorecards).extracting((record) -> record.key).containsExactly("acme", "other");
		assertThat(scorecards).allSatisfy((record) -> assertThat(record.value.brand()).isEqualTo(record.key));
		assertThat(scorecards.get(0).value.asOf()).isEqualTo(D0.plusDays(27));
		assertThat(scorecards.get(0).value.verdict()).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(scorecards.get(1).value.asOf()).isEqualTo(D0.plusDays(9));
		assertThat(this.harness.counter("brandsignal.scoring.scorecards.emitted")).isEqualTo(2);

		this.harness.send(this.harness.observation("other", "followers", D0.plusDays(10), 510)).recompute();
		assertThat(this.harness.keyedScorecards()).extracting((record) -> record.key).containsExactly("other");
	}

	@Test
	void recomputesBackfilledBrandOncePerIntervalNotOncePerRecord() {
		this.harness.send(daily("backfill", "followers", 0, 365, (day) -> 1000 + day))
			.send(daily("backfill", "sales_revenue", 0, 365, (day) -> 100))
			.recompute();

		assertThat(this.harness.scorecards()).hasSize(1);
		assertThat(this.harness.rollups()).hasSize(365);

		this.harness.recompute();
		assertThat(this.harness.scorecards()).isEmpty();
	}

	@Test
	void scoresABrandStillBeingBackfilledOnlyEveryMaxDelay() {
		// a day of data every 500 ms for 8 s: the brand never rests for a whole 1 s interval
		for (int day = 0; day < 16; day++) {
			this.harness.send(this.harness.observation("busy", "followers", D0.plusDays(day), 1000 + day))
				.send(this.harness.observation("busy", "sales_revenue", D0.plusDays(day), 100))
				.advance(Duration.ofMillis(500));
		}
		// The first day looks like a lone update and is scored at the punctuation at 0.5 s; every later day
		// comes within an interval of a recompute, a burst: of the punctuations at 1 s .. 8 s only the one
		// at 5.5 s, the maximum delay after the burst's first change (0.5 s), scores it, as of day 10.
		// (Before lone updates had a quiet period of their own, only the 5 s punctuation scored, as of day 9.)
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf)
			.containsExactly(D0, D0.plusDays(10));

		this.harness.recompute();
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf).containsExactly(D0.plusDays(15));
	}

	@Test
	void scoresALoneUpdateAfterTheShortQuietPeriod() {
		// two metrics of one day in one request: one update
		this.harness.send(this.harness.observation("live", "followers", D0, 1000))
			.send(this.harness.observation("live", "sales_revenue", D0, 100))
			.advance(ScoringTopologyHarness.QUIET_PERIOD.minusMillis(20));
		assertThat(this.harness.scorecards()).isEmpty();

		this.harness.advance(Duration.ofMillis(20));
		assertThat(this.harness.scorecards()).extracting(BrandScored::brand).containsExactly("live");
	}

	@Test
	void waitsAWholeIntervalForABatchThatSpansSeveralDays() {
		this.harness.send(daily("batch", "followers", 0, 3, (day) -> 1000 + day))
			.advance(ScoringTopologyHarness.QUIET_PERIOD);
		assertThat(this.harness.scorecards()).isEmpty();

		this.harness.advance(ScoringTopologyHarness.RECOMPUTE_INTERVAL.minus(ScoringTopologyHarness.QUIET_PERIOD));
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf).containsExactly(D0.plusDays(2));
	}

	@Test
	void waitsAWholeIntervalForAChangeSoonAfterTheBrandWasScored() {
		this.harness.send(this.harness.observation("chatty", "followers", D0, 1000))
			.advance(ScoringTopologyHarness.QUIET_PERIOD);
		assertThat(this.harness.scorecards()).hasSize(1);

		this.harness.send(this.harness.observation("chatty", "followers", D0, 1001))
			.advance(ScoringTopologyHarness.QUIET_PERIOD);
		assertThat(this.harness.scorecards()).isEmpty();

		this.harness.advance(ScoringTopologyHarness.RECOMPUTE_INTERVAL.minus(ScoringTopologyHarness.QUIET_PERIOD));
		assertThat(this.harness.scorecards()).hasSize(1);
	}

	@Test
	void scoresALoneUpdateQuicklyAgainOnceTheIntervalHasPassed() {
		this.harness.send(this.harness.observation("daily", "followers", D0, 1000)).recompute();
		assertThat(this.harness.scorecards()).hasSize(1);
		this.harness.recompute();

		this.harness.send(this.harness.observation("daily", "followers", D0.plusDays(1), 1010))
			.advance(ScoringTopologyHarness.QUIET_PERIOD);
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf).containsExactly(D0.plusDays(1));
	}

	@Test
	void ignoresReplayedObservationsThatChangeNothing() {
		List<ObservationRecorded> input = vanityTrap("replayed");
		this.harness.send(input).recompute();
		this.harness.scorecards();
		this.harness.rollups();

		this.harness.send(input).recompute();

		assertThat(this.harness.scorecards()).isEmpty();
		assertThat(this.harness.rollups()).isEmpty();
	}

	@Test
	void emitsRollupsOnlyForDaysThatChanged() {
		this.harness.send(daily("rolled", "followers", (day) -> 1000 + 20 * day))
			.send(daily("rolled", "sales_revenue", (day) -> 100))
			.recompute();
		assertThat(this.harness.rollups()).hasSize(28);

		this.harness.send(this.harness.observation("rolled", "sales_revenue", D0.plusDays(10), 130)).recompute();

		List<KeyValue<String, DailyRollup>> changed = this.harness.keyedRollups();
		assertThat(changed).singleElement().satisfies((record) -> {
			assertThat(record.key).isEqualTo("rolled|2026-03-11");
			assertThat(record.value.date()).isEqualTo(D0.plusDays(10));
			assertThat(record.value.metrics()).containsEntry("sales_revenue", 130.0).containsEntry("followers", 1200.0);
			assertThat(record.value.tiers()).containsEntry(MetricTier.IMPACT, 130.0)
				.containsEntry(MetricTier.OUTPUT, 1200.0);
		});
	}

	@Test
	void emitsRollupsOfDaysWhoseCarriedForwardValueChanged() {
		// followers counted weekly: d0, d7, d14, d21
		List<ObservationRecorded> weekly = new ArrayList<>();
		for (int day = 0; day < 28; day += 7) {
			weekly.add(this.harness.observation("weekly", "followers", D0.plusDays(day), 1000 + day));
		}
		this.harness.send(weekly).send(daily("weekly", "sales_revenue", (day) -> 100)).recompute();
		this.harness.rollups();

		this.harness.send(this.harness.observation("weekly", "followers", D0.plusDays(7), 5000)).recompute();

		List<DailyRollup> changed = this.harness.rollups();
		assertThat(changed).extracting(DailyRollup::date)
			.containsExactly(D0.plusDays(7), D0.plusDays(8), D0.plusDays(9), D0.plusDays(10), D0.plusDays(11),
					D0.plusDays(12), D0.plusDays(13));
		assertThat(changed).allSatisfy((rollup) -> assertThat(rollup.metrics()).containsEntry("followers", 5000.0));
	}

	@Test
	void emitsCarriedForwardRollupsForDaysWithoutData() {
		this.harness.send(this.harness.observation("gappy", "followers", D0, 1000)).recompute();
		this.harness.rollups();

		this.harness.send(this.harness.observation("gappy", "followers", D0.plusDays(3), 1300)).recompute();

		assertThat(this.harness.rollups()).extracting((rollup) -> rollup.metrics().get("followers"))
			.containsExactly(1000.0, 1000.0, 1300.0);
	}

	@Test
	void sumsChannelsIntoTheDailyValue() {
		this.harness.send(this.harness.observation("multi", "followers", "instagram", D0, 700))
			.send(this.harness.observation("multi", "followers", "tiktok", D0, 300))
			.recompute();

		assertThat(this.harness.rollups()).singleElement()
			.satisfies((rollup) -> assertThat(rollup.metrics()).containsEntry("followers", 1000.0));
	}

	@Test
	void keepsTheLaterReceivedValueOfACell() {
		ObservationRecorded older = this.harness.observation("late", "followers", D0, 1000);
		ObservationRecorded newer = this.harness.observation("late", "followers", D0, 1200);
		this.harness.send(newer).send(older).recompute();

		assertThat(this.harness.rollups()).singleElement()
			.satisfies((rollup) -> assertThat(rollup.metrics()).containsEntry("followers", 1200.0));
	}

	@Test
	void scoresTheSameWithRocksDbStores() {
		try (ScoringTopologyHarness rocksDb = new ScoringTopologyHarness(ScoringRules.defaults(),
				ScoringTopology.Storage.PERSISTENT)) {
			rocksDb.send(vanityTrap(rocksDb, "disk")).recompute();
			this.harness.send(vanityTrap(this.harness, "disk")).recompute();

			assertThat(rocksDb.scorecards()).isEqualTo(this.harness.scorecards()).hasSize(1);
			assertThat(rocksDb.rollups()).isEqualTo(this.harness.rollups()).hasSize(28);

			rocksDb.send(rocksDb.observation("disk", "sales_revenue", D0.plusDays(3), 90)).recompute();
			assertThat(rocksDb.rollups()).singleElement()
				.satisfies((rollup) -> assertThat(rollup.date()).isEqualTo(D0.plusDays(3)));
		}
	}

	@Test
	void dropsCellsAndPublishedRollupsBeyondTheHorizon() {
		int horizon = ScoringRules.defaults().window().horizonDays();
		LocalDate latest = D0.plusDays(horizon + 1);
		this.harness.send(this.harness.observation("old", "followers", D0, 1000)).recompute();
		assertThat(this.harness.rollups()).hasSize(1);
		this.harness.scorecards();

		this.harness.send(this.harness.observation("old", "followers", latest, 2000)).recompute();

		assertThat(this.harness.store(ScoringTopology.CELLS_STORE).get("old|" + D0)).isNull();
		assertThat(this.harness.store(ScoringTopology.CELLS_STORE).get("old|" + latest)).isNotNull();
		assertThat(this.harness.store(ScoringTopology.ROLLUPS_STORE).get("old|" + D0)).isNull();
		assertThat(this.harness.store(ScoringTopology.ROLLUPS_STORE).get("old|" + latest)).isNotNull();
		assertThat(this.harness.scorecard("old").asOf()).isEqualTo(latest);
		// nothing is carried forward from beyond the horizon
		assertThat(this.harness.rollups()).singleElement()
			.satisfies((rollup) -> assertThat(rollup.date()).isEqualTo(latest));
	}

	@ParameterizedTest(name = "stored method version {0}")
	@ValueSource(ints = { 0, 1 })
	void rescoresEveryBrandOnceAfterTheScoringMethodChanged(int storedVersion) {
		this.harness.send(vanityTrap("acme"))
			.send(daily("beta", "followers", 5, 10, (day) -> 500))
			.send(daily("gamma", "sales_revenue", 0, 3, (day) -> 70))
			.recompute();
		assertThat(this.harness.scorecards()).hasSize(3);
		this.harness.rollups();
		// what a task scored by an earlier method leaves behind; version 1 kept no version at all (0 here),
		// and a marker of its cell layout among the cells
		if (storedVersion == 0) {
			this.harness.store(ScoringTopology.SCORING_METHOD_STORE).delete(ScoringMethod.KEY);
			this.harness.store(ScoringTopology.CELLS_STORE).put("~layout", new byte[] { 2 });
		}
		else {
			this.harness.store(ScoringTopology.SCORING_METHOD_STORE).put(ScoringMethod.KEY, storedVersion);
		}

		this.harness.restart().recompute();

		assertThat(this.harness.keyedScorecards()).extracting((record) -> record.key)
			.containsExactly("acme", "beta", "gamma");
		assertThat(this.harness.rollups()).as("no rollup changed").isEmpty();
		assertThat(this.harness.store(ScoringTopology.SCORING_METHOD_STORE).get(ScoringMethod.KEY))
			.isEqualTo(ScoringMethod.VERSION);

		this.harness.recompute().restart().recompute();
		assertThat(this.harness.scorecards()).isEmpty();
	}

	@Test
	void rescoresABrandThatAlsoChangesAfterTheMethodChangedOnce() {
		this.harness.send(vanityTrap("acme")).recompute();
		this.harness.scorecards();
		this.harness.rollups();
		this.harness.store(ScoringTopology.SCORING_METHOD_STORE).delete(ScoringMethod.KEY);

		// the first record after the restart starts the rescore; it corrects the brand's last day
		this.harness.restart()
			.send(this.harness.observation("acme", "sales_revenue", D0.plusDays(27), 150))
			.recompute();

		assertThat(this.harness.scorecards()).extracting(BrandScored::brand).containsExactly("acme");
		assertThat(this.harness.rollups()).extracting(DailyRollup::date).containsExactly(D0.plusDays(27));
	}

	@Test
	void spreadsTheRescoreOfATaskWithManyBrandsOverIntervals() {
		int brands = DirtyBrands.RESCORED_BRANDS_PER_INTERVAL + 1;
		for (int brand = 0; brand < brands; brand++) {
			this.harness.send(this.harness.observation("brand-" + brand, "followers", D0, 1000));
		}
		this.harness.recompute();
		assertThat(this.harness.scorecards()).hasSize(brands);
		this.harness.store(ScoringTopology.SCORING_METHOD_STORE).delete(ScoringMethod.KEY);

		this.harness.restart().recompute();
		assertThat(this.harness.scorecards()).hasSize(DirtyBrands.RESCORED_BRANDS_PER_INTERVAL);

		this.harness.recompute();
		assertThat(this.harness.scorecards()).hasSize(1);
		this.harness.recompute();
		assertThat(this.harness.scorecards()).isEmpty();
	}

	@Test
	void startsAFreshTaskWithoutRescoringAnything() {
		this.harness.recompute();

		assertThat(this.harness.scorecards()).isEmpty();
		assertThat(this.harness.store(ScoringTopology.SCORING_METHOD_STORE).get(ScoringMethod.KEY))
			.isEqualTo(ScoringMethod.VERSION);
	}

	private static String header(TestRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Test
	void deadLettersUnreadableRecordsWithTheirBytesHeadersAndOriginAndKeepsScoring() {
		this.harness.send(vanityTrap("acme"))
			.sendRaw("acme", "{not json".getBytes(StandardCharsets.UTF_8),
					new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)))
			.recompute();

		assertThat(this.harness.deadLetters()).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("acme");
			assertThat(record.value()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
			assertThat(header(record, "trace")).isEqualTo("t-1");
			assertThat(header(record, DeadLetters.REASON_HEADER)).startsWith("unreadable observation: ");
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("Exception");
			assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.OBSERVATIONS.name());
			assertThat(ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
				.isZero();
			// the 56 observations before it took offsets 0..55
			assertThat(ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
				.isEqualTo(56);
		});
		assertThat(this.harness.counter("brandsignal.deadletter.records")).isEqualTo(1);
		assertThat(this.harness.scorecard("acme").asOf()).isEqualTo(D0.plusDays(27));
	}

	@Test
	void deadLettersInvalidObservationsWithTheReasonAndKeepsScoring() {
		this.harness.send(this.harness.observation("acme", "shoe_size", D0, 42))
			.send(this.harness.observation("acme", "followers", D0, -5))
			.send(new ObservationRecorded("acme", "followers", "all", null, 1, ScoringTopologyHarness.RECEIVED, "t"))
			.sendWithKey(null, this.harness.observation("acme", "followers", D0, 1000))
			.send(vanityTrap("acme"))
			.recompute();

		List<TestRecord<String, byte[]>> deadLetters = this.harness.deadLetters();
		assertThat(deadLetters).extracting((record) -> header(record, DeadLetters.REASON_HEADER))
			.containsExactly("unknown metric 'shoe_size'", "value -5.0 outside followers range >= 0",
					"date is missing", "record key 'null' is not the brand 'acme'");
		assertThat(deadLetters).allSatisfy((record) -> assertThat(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN))
			.as("only unreadable records carry an exception").isNull());
		assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).contains("\"shoe_size\"");
		assertThat(deadLetters.get(0).key()).isEqualTo("acme");
		assertThat(header(deadLetters.get(3), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.OBSERVATIONS.name());
		assertThat(this.harness.counter("brandsignal.deadletter.records")).isEqualTo(4);
		assertThat(this.harness.counter("brandsignal.scoring.observations.processed")).isEqualTo(56);
		assertThat(this.harness.scorecard("acme").asOf()).isEqualTo(D0.plusDays(27));
	}

	@Test
	void deadLettersObservationsFromTheFutureSoTheyCannotEraseABrandsHistory() {
		// A day in 2100 would move acme's window (and its horizon) past all real data.
		this.harness.send(vanityTrap("acme"))
			.send(this.harness.observation("acme", "followers", LocalDate.of(2100, 1, 1), 5))
			.send(new ObservationRecorded("acme", "followers", "all", D0, 1, Instant.parse("3000-01-01T00:00:00Z"), "t"))
			.send(this.harness.observation("acme", "followers", LocalDate.of(1999, 12, 31), 5))
			.recompute();

		assertThat(this.harness.deadLetters()).extracting((record) -> header(record, DeadLetters.REASON_HEADER))
			.containsExactly("date 2100-01-01 outside 2000-01-01..2030-01-02",
					"receivedAt 3000-01-01T00:00:00Z is in the future",
					"date 1999-12-31 outside 2000-01-01..2030-01-02");
		BrandScored card = this.harness.scorecard("acme");
		assertThat(card.asOf()).isEqualTo(D0.plusDays(27));
		assertThat(card.verdict()).isEqualTo(Verdict.VANITY_TRAP);
	}

}
