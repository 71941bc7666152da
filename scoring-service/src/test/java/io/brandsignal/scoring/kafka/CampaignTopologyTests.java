package io.brandsignal.scoring.kafka;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static io.brandsignal.scoring.kafka.CampaignScenario.D0;
import static io.brandsignal.scoring.kafka.CampaignScenario.EFFECT_END;
import static io.brandsignal.scoring.kafka.CampaignScenario.END;
import static io.brandsignal.scoring.kafka.CampaignScenario.START;
import static io.brandsignal.scoring.kafka.CampaignScenario.STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Campaign results as the scoring topology publishes them, in a {@link org.apache.kafka.streams.TopologyTestDriver}:
 * a campaign and its brand's data in, a {@link CampaignScored} keyed {@code brand|id} out, republished only when
 * it changes, a tombstone after a deletion, dead letters for what cannot be a campaign. Where a test needs a
 * verdict, the data carries an injected lift far beyond its noise.
 */
class CampaignTopologyTests {

	private final ScoringTopologyHarness harness = new ScoringTopologyHarness();

	@AfterEach
	void close() {
		this.harness.close();
	}

	private static CampaignDefined campaign(String brand, String id, String name, int startDay, int endDay) {
		return CampaignScenario.campaign(brand, id, name, startDay, endDay, ScoringTopologyHarness.RECEIVED);
	}

	private List<ObservationRecorded> brandData(String brand, int from, int to, double step) {
		return CampaignScenario.brandData(brand, from, to, step, this.harness::observation);
	}

	private CampaignScored onlyResult(String key) {
		List<KeyValue<String, CampaignScored>> results = this.harness.campaignResults();
		assertThat(results).extracting((result) -> result.key).containsExactly(key);
		return results.get(0).value;
	}

	private static CampaignScored.MetricLift lift(CampaignScored result, String metric) {
		return result.metrics().stream().filter((lift) -> lift.metric().equals(metric)).findFirst().orElseThrow();
	}

	@Test
	void publishesTheInjectedSalesLiftAsMovedOutcomesKeyedByCampaign() {
		this.harness.send(brandData("acme", 0, 139, STEP))
			.define(campaign("acme", "spring-promo", "Spring promotion", START, END))
			.recompute();

		CampaignScored result = onlyResult("acme|spring-promo");
		assertThat(result.brand()).isEqualTo("acme");
		assertThat(result.campaignId()).isEqualTo("spring-promo");
		assertThat(result.verdict()).isEqualTo(CampaignVerdict.MOVED_OUTCOMES);
		// data after the carry-over is not the campaign's: the result is as of its last day
		assertThat(result.asOf()).isEqualTo(D0.plusDays(EFFECT_END));
		assertThat(result.carryOverDays()).isEqualTo(14);

		CampaignScored.MetricLift sales = lift(result, "sales_revenue");
		assertThat(sales.state()).isEqualTo(CampaignLiftState.ESTIMATED);
		assertThat(sales.total().significant()).isTrue();
		// 40 a day over the 21 days of campaign and carry-over
		double injected = STEP * (EFFECT_END - START + 1);
		assertThat(sales.total().low()).isPositive().isLessThan(injected);
		assertThat(sales.total().high()).isGreaterThan(injected);
		assertThat(sales.controls()).as("the shop is no channel of the campaign: no controls").isZero();
		// the chart: four weeks before the start through the last day counted, the actual values as sent
		assertThat(sales.days()).first().extracting(CampaignScored.Day::date).isEqualTo(D0.plusDays(START - 28));
		assertThat(sales.days()).last().extracting(CampaignScored.Day::date).isEqualTo(D0.plusDays(EFFECT_END));
		CampaignScored.Day firstCampaignDay = sales.days().stream()
			.filter((day) -> day.date().equals(D0.plusDays(START)))
			.findFirst()
			.orElseThrow();
		assertThat(firstCampaignDay.actual()).isGreaterThan(firstCampaignDay.high());
		assertThat(firstCampaignDay.actual() - firstCampaignDay.counterfactual()).isCloseTo(STEP, within(15.0));

		CampaignScored.MetricLift followers = lift(result, "followers");
		assertThat(followers.state()).isEqualTo(CampaignLiftState.ESTIMATED);
		assertThat(followers.controls()).as("tiktok, which the campaign did not run on").isEqualTo(1);
		assertThat(result.costs()).extracting(CampaignScored.UnitCost::metric).contains("sales_revenue");
		assertThat(this.harness.counter("brandsignal.scoring.campaign.results")).isEqualTo(1);
	}

	@Test
	void publishesFollowersBoughtOnInstagramAsBoughtAttention() {
		// 100 more followers a day on instagram during the 7 campaign days, none on tiktok, sales as ever
		this.harness.send(CampaignScenario.brandData("acme", 0, 139, 0, 100, this.harness::observation))
			.define(campaign("acme", "giveaway", "Giveaway", START, END))
			.recompute();

		CampaignScored result = onlyResult("acme|giveaway");
		assertThat(result.verdict()).isEqualTo(CampaignVerdict.BOUGHT_ATTENTION);
		CampaignScored.MetricLift followers = lift(result, "followers");
		assertThat(followers.controls()).isEqualTo(1);
		assertThat(followers.total().significant()).isTrue();
		// the 700 followers bought stay through the carry-over
		assertThat(followers.total().low()).isPositive().isLessThan(700);
		assertThat(followers.total().high()).isGreaterThan(700);
		assertThat(lift(result, "sales_revenue").total().significant()).isFalse();
	}

	@Test
	void republishesOnlyWhatChanged() {
		this.harness.send(brandData("acme", 0, 139, STEP))
			.define(campaign("acme", "spring-promo", "Spring promotion", START, END))
			.recompute();
		assertThat(onlyResult("acme|spring-promo").name()).isEqualTo("Spring promotion");
		this.harness.scorecards();

		// the same definition again, and data after the carry-over: nothing to publish
		this.harness.define(campaign("acme", "spring-promo", "Spring promotion", START, END))
			.send(this.harness.observation("acme", "sales_revenue", "shop", D0.plusDays(140), 100))
			.recompute();
		assertThat(this.harness.campaignResults()).isEmpty();
		assertThat(this.harness.scorecards()).hasSize(1);

		// a redefinition is republished, without a new scorecard (no data changed)
		this.harness.define(campaign("acme", "spring-promo", "Spring sale", START, END)).recompute();
		assertThat(onlyResult("acme|spring-promo").name()).isEqualTo("Spring sale");
		assertThat(this.harness.scorecards()).isEmpty();

		// the definitions survive a restart: a changed day within the carry-over recomputes the campaign
		this.harness.restart()
			.send(this.harness.observation("acme", "sales_revenue", "shop", D0.plusDays(EFFECT_END), 500))
			.recompute();
		CampaignScored changed = onlyResult("acme|spring-promo");
		assertThat(changed.name()).isEqualTo("Spring sale");
		assertThat(lift(changed, "sales_revenue").days()).last().extracting(CampaignScored.Day::actual).isEqualTo(500.0);
	}

	@Test
	void publishesATombstoneWhenACampaignIsDeleted() {
		this.harness.send(brandData("acme", 0, 139, STEP))
			.define(campaign("acme", "spring-promo", "Spring promotion", START, END))
			.define(campaign("acme", "summer", "Summer", 60, 66))
			.recompute();
		assertThat(this.harness.campaignResults()).extracting((result) -> result.key)
			.containsExactlyInAnyOrder("acme|spring-promo", "acme|summer");

		this.harness.deleteCampaign("acme|summer").recompute();

		List<KeyValue<String, CampaignScored>> results = this.harness.campaignResults();
		assertThat(results).first().satisfies((tombstone) -> {
			assertThat(tombstone.key).isEqualTo("acme|summer");
			assertThat(tombstone.value).isNull();
		});
		// the other campaign's pre-period no longer leaves out the deleted one's days: recomputed
		assertThat(results).extracting((result) -> result.key).containsExactly("acme|summer", "acme|spring-promo");
		assertThat(this.harness.<byte[]>store(ScoringTopology.CAMPAIGNS_STORE).get("acme|summer")).isNull();

		// deleting again publishes nothing more
		this.harness.deleteCampaign("acme|summer").recompute();
		assertThat(this.harness.campaignResults()).isEmpty();
	}

	@Test
	void deadLettersWhatCannotBeACampaignWithTheReason() {
		CampaignDefined endsBeforeStart = campaign("acme", "backwards", "Backwards", 20, 10);
		byte[] invalid = Topics.CAMPAIGNS.valueSerde().serializer().serialize(Topics.CAMPAIGNS.name(), endsBeforeStart);
		this.harness.sendRawCampaign("acme|backwards", invalid)
			.sendRawCampaign("acme|broken", "{not json".getBytes(StandardCharsets.UTF_8))
			.sendRawCampaign("no-separator", null);
		this.harness.sendRawCampaign("acme|other-id", Topics.CAMPAIGNS.valueSerde()
			.serializer()
			.serialize(Topics.CAMPAIGNS.name(), campaign("acme", "spring-promo", "Spring", START, END)));

		List<TestRecord<String, byte[]>> letters = this.harness.deadLetters();
		assertThat(letters).extracting(TestRecord::key)
			.containsExactly("acme|backwards", "acme|broken", "no-separator", "acme|other-id");
		assertThat(letters.get(0).value()).isEqualTo(invalid);
		assertThat(reason(letters.get(0))).contains("endDate");
		assertThat(reason(letters.get(1))).startsWith("unreadable campaign");
		assertThat(reason(letters.get(2))).contains("brand|id");
		assertThat(reason(letters.get(3))).contains("acme|spring-promo");
		assertThat(letters).allSatisfy((letter) -> assertThat(new String(
				letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
			.isEqualTo(Topics.CAMPAIGNS.name()));
		assertThat(this.harness.counter("brandsignal.deadletter.records")).isEqualTo(4);
		assertThat(this.harness.<byte[]>store(ScoringTopology.CAMPAIGNS_STORE).approximateNumEntries()).isZero();
	}

	@Test
	void keepsAtMostFiveHundredCampaignsPerBrandAndDeadLettersANewOneBeyond() {
		for (int i = 0; i < 500; i++) {
			this.harness.define(campaign("busy", "c" + i, "Campaign " + i, START, END));
		}
		assertThat(this.harness.deadLetters()).isEmpty();

		this.harness.define(campaign("busy", "one-too-many", "One too many", START, END));
		List<TestRecord<String, byte[]>> letters = this.harness.deadLetters();
		assertThat(letters).extracting(TestRecord::key).containsExactly("busy|one-too-many");
		assertThat(reason(letters.get(0))).contains("has 500 campaigns already");
		assertThat(this.harness.<byte[]>store(ScoringTopology.CAMPAIGNS_STORE).get("busy|one-too-many")).isNull();

		// a kept campaign can still be redefined, another brand is not affected, and after a deletion there is room
		this.harness.define(campaign("busy", "c7", "Campaign 7, renamed", START, END))
			.define(campaign("acme", "spring-promo", "Spring promotion", START, END))
			.deleteCampaign("busy|c0")
			.define(campaign("busy", "one-too-many", "One too many", START, END));
		assertThat(this.harness.deadLetters()).isEmpty();
		assertThat(this.harness.<byte[]>store(ScoringTopology.CAMPAIGNS_STORE).get("busy|one-too-many")).isNotNull();
	}

	@Test
	void publishesACampaignDefinedBeforeItsBrandHadDataOnceTheDataArrives() {
		this.harness.define(campaign("acme", "spring-promo", "Spring promotion", START, END)).recompute();
		assertThat(this.harness.campaignResults()).isEmpty();
		assertThat(this.harness.scorecards()).isEmpty();

		this.harness.send(brandData("acme", 0, 139, STEP)).recompute();

		assertThat(onlyResult("acme|spring-promo").verdict()).isEqualTo(CampaignVerdict.MOVED_OUTCOMES);
	}

	@Test
	void saysNotEnoughPrePeriodForABrandWithTooLittleHistory() {
		// 20 days before the start: fewer than the 28 the counterfactual needs
		this.harness.send(brandData("newco", START - 20, 139, STEP))
			.define(campaign("newco", "launch", "Launch", START, END))
			.recompute();

		CampaignScored result = onlyResult("newco|launch");
		assertThat(result.verdict()).isEqualTo(CampaignVerdict.NOT_ENOUGH_PRE_PERIOD);
		assertThat(result.metrics()).extracting(CampaignScored.MetricLift::metric)
			.containsExactlyInAnyOrder("followers", "sales_revenue");
		assertThat(result.metrics()).allSatisfy((lift) -> {
			assertThat(lift.state()).isEqualTo(CampaignLiftState.NOT_ENOUGH_PRE_PERIOD);
			assertThat(lift.total()).isNull();
			assertThat(lift.days()).isEmpty();
		});
		assertThat(result.costs()).isEmpty();
	}

	@Test
	void leavesBrandsForTheNextPunctuationOnceEnoughCampaignsWereScored() {
		for (String brand : List.of("a-brand", "b-brand")) {
			this.harness.send(brandData(brand, 0, 9, 0));
		}
		for (int i = 0; i < ScoringProcessor.CAMPAIGNS_PER_PUNCTUATION; i++) {
			this.harness.define(campaign("a-brand", "c" + i, "Campaign " + i, 5, 6));
		}
		this.harness.define(campaign("b-brand", "c0", "Campaign 0", 5, 6));

		// one punctuation, once the burst has settled: a-brand's campaigns use it up
		this.harness.advance(ScoringTopologyHarness.RECOMPUTE_INTERVAL);
		assertThat(this.harness.campaignResults()).hasSize(ScoringProcessor.CAMPAIGNS_PER_PUNCTUATION)
			.allSatisfy((result) -> assertThat(result.key).startsWith("a-brand|"));
		assertThat(this.harness.scorecards()).extracting((card) -> card.brand()).containsExactly("a-brand");

		this.harness.advance(ScoringTopologyHarness.QUIET_PERIOD);
		assertThat(this.harness.campaignResults()).extracting((result) -> result.key).containsExactly("b-brand|c0");
		assertThat(this.harness.scorecards()).extracting((card) -> card.brand()).containsExactly("b-brand");
	}

	private static String reason(TestRecord<String, byte[]> letter) {
		Header header = letter.headers().lastHeader(DeadLetters.REASON_HEADER);
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
