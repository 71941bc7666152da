package io.brandsignal.scoring.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scoring topology end to end in a {@link org.apache.kafka.streams.TopologyTestDriver}, with every
 * expected number worked out by hand (see docs/scoring.md for the formulas).
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
		return daily(brand, metric, 0, 28, valueOnDay);
	}

	private List<ObservationRecorded> daily(String brand, String metric, int firstDay, int days,
			IntToDoubleFunction valueOnDay) {
		List<ObservationRecorded> observations = new ArrayList<>();
		for (int day = firstDay; day < firstDay + days; day++) {
			observations.add(this.harness.observation(brand, metric, D0.plusDays(day), valueOnDay.applyAsDouble(day)));
		}
		return observations;
	}

	private static IntToDoubleFunction linearFollowers() {
		return (day) -> 1000 + 20 * day;
	}

	private static IntToDoubleFunction step(double before, double after) {
		return (day) -> (day < 14) ? before : after;
	}

	private static MetricGrowth growthOf(BrandScored scorecard, String metric) {
		return scorecard.metrics().stream().filter((growth) -> growth.metric().equals(metric)).findFirst().orElseThrow();
	}

	@Test
	void scoresVanityTrapWhenFollowersGrowAndSalesStayFlat() {
		this.harness.send(daily("acme", "followers", linearFollowers()))
			.send(daily("acme", "sales_revenue", (day) -> 100))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("acme");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(scorecard.asOf()).isEqualTo(D0.plusDays(27));
		assertThat(scorecard.windowDays()).isEqualTo(28);
		assertThat(growthOf(scorecard, "followers")).isEqualTo(new MetricGrowth("followers", MetricCategory.VANITY,
				MetricTier.OUTPUT, 1000.0, 1540.0, 54.0, null, 28, 1));
		assertThat(growthOf(scorecard, "sales_revenue")).isEqualTo(new MetricGrowth("sales_revenue",
				MetricCategory.OUTCOME, MetricTier.IMPACT, 100.0, 100.0, 0.0, null, 28, 1));
		assertThat(scorecard.vanityGrowthPercent()).isEqualTo(54.0);
		assertThat(scorecard.outcomeGrowthPercent()).isEqualTo(0.0);
		// gap 54 points: 100 * (1 - e^(-54/20)) = 93.28
		assertThat(scorecard.vanityIndex()).isEqualTo(93.3);
		assertThat(scorecard.impactScore()).isEqualTo(0.0);
		// 28 days give 27 daily growth pairs, fewer than the 30 the evidence needs
		assertThat(scorecard.evidence()).isEqualTo(ConversionEvidence.insufficient("followers", "sales_revenue", 27));
		assertThat(scorecard.flags()).isEmpty();
		assertThat(scorecard.explanation()).isEqualTo("Followers +54% in 28 days; sales revenue 0%; too little history "
				+ "to test whether audience growth leads sales revenue (27 paired days, 30 needed). "
				+ "The audience is growing without a matching rise in outcomes.");
	}

	@Test
	void scoresBrandBuilderWhenFollowersAndSalesGrow() {
		this.harness.send(daily("builder", "followers", linearFollowers()))
			.send(daily("builder", "sales_revenue", step(100, 150)))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("builder");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.BRAND_BUILDER);
		// FLOW: mean of d0..d13 = 100, mean of d14..d27 = 150
		assertThat(growthOf(scorecard, "sales_revenue")).isEqualTo(new MetricGrowth("sales_revenue",
				MetricCategory.OUTCOME, MetricTier.IMPACT, 100.0, 150.0, 50.0, null, 28, 1));
		assertThat(scorecard.outcomeGrowthPercent()).isEqualTo(50.0);
		// gap 54 - 50 = 4: 100 * (1 - e^(-0.2)) = 18.13
		assertThat(scorecard.vanityIndex()).isEqualTo(18.1);
		// 100 * 0.6 * (1 - e^(-50/20)) = 55.07, no evidence
		assertThat(scorecard.impactScore()).isEqualTo(55.1);
		assertThat(scorecard.explanation()).startsWith("Followers +54% in 28 days; sales revenue +50%; ")
			.endsWith("Audience and outcomes are growing together.");
	}

	@Test
	void scoresQuietPerformerWhenSalesGrowWithFlatFollowers() {
		this.harness.send(daily("quiet", "followers", (day) -> 1000))
			.send(daily("quiet", "sales_revenue", step(100, 150)))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("quiet");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.QUIET_PERFORMER);
		assertThat(scorecard.vanityGrowthPercent()).isEqualTo(0.0);
		assertThat(scorecard.outcomeGrowthPercent()).isEqualTo(50.0);
		assertThat(scorecard.vanityIndex()).isEqualTo(0.0);
		assertThat(scorecard.impactScore()).isEqualTo(55.1);
	}

	@Test
	void scoresDecliningWhenSalesFallWithFlatFollowers() {
		this.harness.send(daily("fading", "followers", (day) -> 1000))
			.send(daily("fading", "sales_revenue", step(150, 100)))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("fading");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.DECLINING);
		// 100 / 150 - 1 = -33.33%
		assertThat(scorecard.outcomeGrowthPercent()).isEqualTo(-33.33);
		assertThat(scorecard.vanityIndex()).isEqualTo(0.0);
		assertThat(scorecard.impactScore()).isEqualTo(0.0);
		assertThat(scorecard.explanation()).contains("sales revenue -33%")
			.endsWith("Outcomes are falling and the audience is not growing.");
	}

	@Test
	void scoresSteadyWhenNothingMoves() {
		this.harness.send(daily("calm", "followers", (day) -> 1000))
			.send(daily("calm", "sales_revenue", (day) -> 100))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("calm");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.STEADY);
		assertThat(scorecard.vanityIndex()).isEqualTo(0.0);
		assertThat(scorecard.impactScore()).isEqualTo(0.0);
	}

	@Test
	void scoresInsufficientDataWithOnlyThreeDaysOfFollowers() {
		this.harness.send(daily("newcomer", "followers", 25, 3, (day) -> 1000 + day))
			.send(daily("newcomer", "sales_revenue", (day) -> 100))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("newcomer");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
		// the window starts on d0, before the first follower count: no start value
		assertThat(growthOf(scorecard, "followers").growthPercent()).isNull();
		assertThat(growthOf(scorecard, "followers").daysObserved()).isEqualTo(3);
		assertThat(scorecard.vanityGrowthPercent()).isNull();
		assertThat(scorecard.vanityIndex()).isEqualTo(0.0);
		assertThat(scorecard.explanation()).startsWith("Not enough data to score the 28 days to 2026-03-28")
			.contains("followers 3 days, sales revenue 28 days");
	}

	@Test
	void scoresInsufficientDataWhenThreeFollowerCountsSpanTheWindow() {
		List<ObservationRecorded> followers = List.of(this.harness.observation("sparse", "followers", D0, 1000),
				this.harness.observation("sparse", "followers", D0.plusDays(13), 1300),
				this.harness.observation("sparse", "followers", D0.plusDays(27), 1600));
		this.harness.send(followers).send(daily("sparse", "sales_revenue", (day) -> 100)).recompute();

		BrandScored scorecard = this.harness.scorecard("sparse");
		// growth is known (+60%) but 3 reported days are fewer than the 7 a metric needs to count
		assertThat(growthOf(scorecard, "followers").growthPercent()).isEqualTo(60.0);
		assertThat(scorecard.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
	}

	@Test
	void scoresInsufficientDataWithoutAnyOutcome() {
		this.harness.send(daily("audience-only", "followers", linearFollowers())).recompute();

		BrandScored scorecard = this.harness.scorecard("audience-only");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
		assertThat(scorecard.evidence().bestLagDays()).isNull();
	}

	@Test
	void flagsFollowerSpikeWithoutMatchingEngagement() {
		this.harness.send(spikingFollowers("bought"))
			.send(daily("bought", "likes", 0, 40, (day) -> 500))
			.send(daily("bought", "sales_revenue", 0, 40, (day) -> 100))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("bought");
		// increases of 10 a day, then +2010 on d35: z = (2010 - 10) / (0.2% of 10340) = 96.7
		assertThat(scorecard.flags()).containsExactly("FOLLOWER_SPIKE");
		assertThat(scorecard.explanation())
			.endsWith("Followers jumped by 2,010 (+19%) on 2026-04-05 with no matching rise in engagement.");
	}

	@Test
	void doesNotFlagFollowerSpikeThatEngagementExplains() {
		this.harness.send(spikingFollowers("viral"))
			.send(daily("viral", "likes", 0, 40, (day) -> (day == 35) ? 1500 : 500))
			.send(daily("viral", "sales_revenue", 0, 40, (day) -> 100))
			.recompute();

		assertThat(this.harness.scorecard("viral").flags()).isEmpty();
	}

	/** 10,000 followers growing by 10 a day for 40 days, with an extra 2,000 on d35. */
	private List<ObservationRecorded> spikingFollowers(String brand) {
		return daily(brand, "followers", 0, 40, (day) -> 10000 + 10 * day + ((day >= 35) ? 2000 : 0));
	}

	@Test
	void recoversSevenDayLagWhenSalesFollowFollowers() {
		Random random = new Random(42);
		int days = 200;
		double[] followers = new double[days];
		followers[0] = 50000;
		for (int day = 1; day < days; day++) {
			followers[day] = followers[day - 1] * Math.exp(0.002 + 0.01 * random.nextGaussian());
		}
		List<ObservationRecorded> input = new ArrayList<>();
		for (int day = 0; day < days; day++) {
			double driver = followers[Math.max(0, day - 7)] / followers[0];
			double sales = 1000 * driver * Math.exp(0.01 * random.nextGaussian());
			input.add(this.harness.observation("lagged", "followers", D0.plusDays(day), Math.round(followers[day])));
			input.add(this.harness.observation("lagged", "sales_revenue", D0.plusDays(day), sales));
		}
		this.harness.send(input).recompute();

		ConversionEvidence evidence = this.harness.scorecard("lagged").evidence();
		assertThat(evidence.bestLagDays()).isBetween(6, 8);
		assertThat(evidence.significant()).isTrue();
		assertThat(evidence.pValue()).isLessThan(0.001);
		assertThat(evidence.elasticity()).isCloseTo(1.0, within(0.35));
		// 180-day lookback: 179 growth pairs, 7 of them lost to the lag
		assertThat(evidence.samples()).isEqualTo(172);
	}

	@Test
	void findsNoLinkWhenSalesIgnoreFollowers() {
		Random random = new Random(7);
		int days = 200;
		List<ObservationRecorded> input = new ArrayList<>();
		double followers = 50000;
		for (int day = 0; day < days; day++) {
			followers *= Math.exp(0.002 + 0.01 * random.nextGaussian());
			input.add(this.harness.observation("unlinked", "followers", D0.plusDays(day), Math.round(followers)));
			input.add(this.harness.observation("unlinked", "sales_revenue", D0.plusDays(day),
					1000 * Math.exp(0.05 * random.nextGaussian())));
		}
		this.harness.send(input).recompute();

		BrandScored scorecard = this.harness.scorecard("unlinked");
		assertThat(scorecard.evidence().bestLagDays()).isNotNull();
		assertThat(scorecard.evidence().significant()).isFalse();
		assertThat(scorecard.evidence().pValue()).isGreaterThan(0.05);
		assertThat(scorecard.explanation()).contains("no sign that audience growth leads sales revenue (best lag ");
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
		// punctuations at 1 s .. 8 s: only the one at 5 s, the maximum delay after the first change, scores
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf).containsExactly(D0.plusDays(9));

		this.harness.recompute();
		assertThat(this.harness.scorecards()).extracting(BrandScored::asOf).containsExactly(D0.plusDays(15));
	}

	@Test
	void ignoresReplayedObservationsThatChangeNothing() {
		List<ObservationRecorded> followers = daily("replayed", "followers", linearFollowers());
		this.harness.send(followers).send(daily("replayed", "sales_revenue", (day) -> 100)).recompute();
		this.harness.scorecards();
		this.harness.rollups();

		this.harness.send(followers).recompute();

		assertThat(this.harness.scorecards()).isEmpty();
		assertThat(this.harness.rollups()).isEmpty();
	}

	@Test
	void emitsRollupsOnlyForDaysThatChanged() {
		this.harness.send(daily("rolled", "followers", linearFollowers()))
			.send(daily("rolled", "sales_revenue", (day) -> 100))
			.recompute();
		assertThat(this.harness.rollups()).hasSize(28);

		this.harness.send(this.harness.observation("rolled", "sales_revenue", D0.plusDays(10), 130)).recompute();

		List<DailyRollup> changed = this.harness.rollups();
		assertThat(changed).hasSize(1);
		assertThat(changed.get(0).date()).isEqualTo(D0.plusDays(10));
		assertThat(changed.get(0).metrics()).containsEntry("sales_revenue", 130.0).containsEntry("followers", 1200.0);
		assertThat(changed.get(0).tiers()).containsEntry(MetricTier.IMPACT, 130.0)
			.containsEntry(MetricTier.OUTPUT, 1200.0);
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
	void scoresTheSameWithRocksDbStores() {
		try (ScoringTopologyHarness rocksDb = new ScoringTopologyHarness(
				ScoringRules.defaults(), ScoringTopology.Storage.PERSISTENT)) {
			for (int day = 0; day < 28; day++) {
				rocksDb.send(rocksDb.observation("disk", "followers", D0.plusDays(day), 1000 + 20 * day))
					.send(rocksDb.observation("disk", "sales_revenue", D0.plusDays(day), (day < 14) ? 100 : 150));
			}
			rocksDb.recompute();
			assertThat(rocksDb.scorecard("disk").verdict()).isEqualTo(Verdict.BRAND_BUILDER);
			assertThat(rocksDb.rollups()).hasSize(28);

			rocksDb.send(rocksDb.observation("disk", "sales_revenue", D0.plusDays(3), 90)).recompute();
			assertThat(rocksDb.rollups()).singleElement()
				.satisfies((rollup) -> assertThat(rollup.date()).isEqualTo(D0.plusDays(3)));
		}
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
	void dropsCellsBeyondTheHorizon() {
		this.harness.send(this.harness.observation("old", "followers", D0, 1000))
			.send(this.harness.observation("old", "followers", D0.plusDays(401), 2000))
			.recompute();

		assertThat(this.harness.store(ScoringTopology.CELLS_STORE).get("old|" + D0)).isNull();
		assertThat(this.harness.store(ScoringTopology.CELLS_STORE).get("old|" + D0.plusDays(401))).isNotNull();
		assertThat(this.harness.scorecard("old").asOf()).isEqualTo(D0.plusDays(401));
	}

	@Test
	void keepsALedgerStoredInTheFirstCellLayout() {
		// an earlier version stored one 20-byte entry per cell: value, receivedAt seconds and nanos
		KeyValueStore<String, Object> cells = this.harness.store(ScoringTopology.CELLS_STORE);
		Instant before = ScoringTopologyHarness.RECEIVED.minusSeconds(3600);
		for (int day = 0; day < 28; day++) {
			cells.put("legacy|followers|all|" + D0.plusDays(day), legacyCell(1000 + 20 * day, before));
		}
		for (int day = 0; day < 27; day++) {
			cells.put("legacy|sales_revenue|all|" + D0.plusDays(day), legacyCell(100, before));
		}
		// a stored cell accepted later than a new observation of it still wins after the conversion
		cells.put("legacy|likes|all|" + D0.plusDays(27), legacyCell(50, ScoringTopologyHarness.RECEIVED.plusSeconds(60)));

		this.harness.send(this.harness.observation("legacy", "sales_revenue", D0.plusDays(27), 100))
			.send(this.harness.observation("legacy", "likes", D0.plusDays(27), 9999))
			.recompute();

		BrandScored scorecard = this.harness.scorecard("legacy");
		assertThat(scorecard.verdict()).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(growthOf(scorecard, "followers")).isEqualTo(new MetricGrowth("followers", MetricCategory.VANITY,
				MetricTier.OUTPUT, 1000.0, 1540.0, 54.0, null, 28, 1));
		// only the changed day: the earlier days' rollups were published by the earlier version
		assertThat(this.harness.rollups()).singleElement()
			.satisfies((rollup) -> assertThat(rollup.metrics()).containsEntry("followers", 1540.0)
				.containsEntry("sales_revenue", 100.0)
				.containsEntry("likes", 50.0));
		assertThat(cells.get("legacy|followers|all|" + D0)).isNull();
		assertThat(cells.get("legacy|" + D0)).isNotNull();
	}

	private static String header(TestRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static byte[] legacyCell(double value, Instant receivedAt) {
		return ByteBuffer.allocate(20)
			.putDouble(value)
			.putLong(receivedAt.getEpochSecond())
			.putInt(receivedAt.getNano())
			.array();
	}

	@Test
	void deadLettersUnreadableRecordsAndKeepsScoring() {
		this.harness.sendRaw("acme", "{not json".getBytes(StandardCharsets.UTF_8))
			.send(daily("acme", "followers", linearFollowers()))
			.send(daily("acme", "sales_revenue", (day) -> 100))
			.recompute();

		assertThat(this.harness.deadLetters()).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("acme");
			assertThat(record.value()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
			assertThat(header(record, ScoringProcessor.REASON_HEADER)).startsWith("unreadable observation: ");
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("Exception");
			assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.OBSERVATIONS.name());
		});
		assertThat(this.harness.counter("brandsignal.deadletter.records")).isEqualTo(1);
		assertThat(this.harness.scorecard("acme").verdict()).isEqualTo(Verdict.VANITY_TRAP);
	}

	@Test
	void deadLettersInvalidObservationsWithTheReasonAndKeepsScoring() {
		this.harness.send(this.harness.observation("acme", "shoe_size", D0, 42))
			.send(this.harness.observation("acme", "followers", D0, -5))
			.send(new ObservationRecorded("acme", "followers", "all", null, 1, ScoringTopologyHarness.RECEIVED, "t"))
			.sendWithKey(null, this.harness.observation("acme", "followers", D0, 1000))
			.send(daily("acme", "followers", linearFollowers()))
			.send(daily("acme", "sales_revenue", (day) -> 100))
			.recompute();

		List<TestRecord<String, byte[]>> deadLetters = this.harness.deadLetters();
		assertThat(deadLetters).extracting((record) -> new String(
				record.headers().lastHeader(ScoringProcessor.REASON_HEADER).value(), StandardCharsets.UTF_8))
			.containsExactly("unknown metric 'shoe_size'", "value -5.0 outside followers range >= 0",
					"date is missing", "record key 'null' is not the brand 'acme'");
		assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).contains("\"shoe_size\"");
		assertThat(deadLetters.get(0).key()).isEqualTo("acme");
		assertThat(this.harness.counter("brandsignal.deadletter.records")).isEqualTo(4);
		assertThat(this.harness.counter("brandsignal.scoring.observations.processed")).isEqualTo(56);
		assertThat(this.harness.scorecard("acme").verdict()).isEqualTo(Verdict.VANITY_TRAP);
		assertThat(this.harness.counter("brandsignal.scoring.scorecards.emitted")).isEqualTo(1);
	}

	@Test
	void deadLettersObservationsFromTheFutureSoTheyCannotEraseABrandsHistory() {
		// A day in 2100 would move acme's window (and its 400-day horizon) past all real data.
		this.harness.send(daily("acme", "followers", linearFollowers()))
			.send(daily("acme", "sales_revenue", (day) -> 100))
			.send(this.harness.observation("acme", "followers", LocalDate.of(2100, 1, 1), 5))
			.send(new ObservationRecorded("acme", "followers", "all", D0, 1, Instant.parse("3000-01-01T00:00:00Z"), "t"))
			.send(this.harness.observation("acme", "followers", LocalDate.of(1999, 12, 31), 5))
			.recompute();

		assertThat(this.harness.deadLetters()).extracting((record) -> new String(
				record.headers().lastHeader(ScoringProcessor.REASON_HEADER).value(), StandardCharsets.UTF_8))
			.containsExactly("date 2100-01-01 outside 2000-01-01..2030-01-02",
					"receivedAt 3000-01-01T00:00:00Z is in the future",
					"date 1999-12-31 outside 2000-01-01..2030-01-02");
		BrandScored card = this.harness.scorecard("acme");
		assertThat(card.asOf()).isEqualTo(D0.plusDays(27));
		assertThat(card.verdict()).isEqualTo(Verdict.VANITY_TRAP);
	}

	@Test
	void saysSoWhenASteadyBrandIsLosingItsAudience() {
		// Followers 1540 - 20 per day: 1000 on d27, 1000 / 1540 - 1 = -35.06%; sales flat: STEADY.
		this.harness.send(daily("acme", "followers", (day) -> 1540 - 20 * day))
			.send(daily("acme", "sales_revenue", (day) -> 100))
			.recompute();

		BrandScored card = this.harness.scorecard("acme");
		assertThat(card.verdict()).isEqualTo(Verdict.STEADY);
		assertThat(card.explanation()).startsWith("Followers -35% in 28 days; sales revenue 0%; ")
			.endsWith("The audience is shrinking while outcomes hold steady.");
	}

}
