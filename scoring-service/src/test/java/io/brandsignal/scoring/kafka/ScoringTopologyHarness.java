package io.brandsignal.scoring.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.ServiceDefaults;
import io.brandsignal.scoring.scorecard.ScoringRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.util.FileSystemUtils;

/**
 * Drives the scoring topology in a {@link TopologyTestDriver}: send observations and campaigns, let the
 * recompute punctuator run, read what came out (dead letters included).
 */
final class ScoringTopologyHarness implements AutoCloseable {

	static final Duration QUIET_PERIOD = Duration.ofMillis(40);

	static final Duration RECOMPUTE_INTERVAL = Duration.ofSeconds(1);

	static final Duration MAX_RECOMPUTE_DELAY = Duration.ofSeconds(5);

	/** The service's default {@code brandsignal.scoring.cached-brands}. */
	static final int DEFAULT_CACHED_BRANDS = ServiceDefaults.scoring().cachedBrands();

	/** When test observations arrive, and the driver's clock: after every test date, as ingest guarantees. */
	static final Instant RECEIVED = Instant.parse("2030-01-01T00:00:00Z");

	/** Every store of the topology, to carry over a {@link #restart}. */
	private static final List<String> STORES = List.of(ScoringTopology.CELLS_STORE, ScoringTopology.DIRTY_BRANDS_STORE,
			ScoringTopology.ROLLUPS_STORE, ScoringTopology.SCORING_METHOD_STORE, ScoringTopology.CAMPAIGNS_STORE,
			ScoringTopology.CAMPAIGN_RESULTS_STORE);

	private final ScoringRules rules;

	private final ScoringTopology.Storage storage;

	private final int cachedBrands;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private Path stateDir;

	private TopologyTestDriver driver;

	private TestInputTopic<String, ObservationRecorded> observations;

	private TestInputTopic<String, byte[]> rawObservations;

	private TestOutputTopic<String, BrandScored> scorecards;

	private TestOutputTopic<String, DailyRollup> rollups;

	private TestOutputTopic<String, byte[]> deadLetters;

	private TestInputTopic<String, CampaignDefined> campaigns;

	private TestInputTopic<String, byte[]> rawCampaigns;

	private TestOutputTopic<String, CampaignScored> campaignResults;

	private long sequence;

	ScoringTopologyHarness() {
		this(ScoringRules.defaults());
	}

	ScoringTopologyHarness(ScoringRules rules) {
		this(rules, ScoringTopology.Storage.IN_MEMORY);
	}

	ScoringTopologyHarness(ScoringRules rules, ScoringTopology.Storage storage) {
		this(rules, storage, DEFAULT_CACHED_BRANDS);
	}

	/**
	 * @param cachedBrands how many brands' cells the topology may keep in memory: small budgets drive
	 * the paths that read the store instead
	 */
	ScoringTopologyHarness(ScoringRules rules, ScoringTopology.Storage storage, int cachedBrands) {
		this.rules = rules;
		this.storage = storage;
		this.cachedBrands = cachedBrands;
		start();
	}

	/** A fresh driver (a fresh task) on empty stores; its wall clock starts at {@link #RECEIVED}. */
	private void start() {
		try {
			this.stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "scoring-ttd");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StreamsBuilder builder = new StreamsBuilder();
		ScoringTopology.build(builder, MetricCatalog.defaults(), this.rules,
				new ScoringTopology.Schedule(QUIET_PERIOD, RECOMPUTE_INTERVAL, MAX_RECOMPUTE_DELAY), this.cachedBrands,
				new ScoringMetrics(this.registry), this.storage);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(builder.build(), config, RECEIVED);
		this.observations = this.driver.createInputTopic(Topics.OBSERVATIONS.name(), new StringSerializer(),
				Topics.OBSERVATIONS.valueSerde().serializer());
		this.rawObservations = this.driver.createInputTopic(Topics.OBSERVATIONS.name(), new StringSerializer(),
				new ByteArraySerializer());
		this.scorecards = this.driver.createOutputTopic(Topics.SCORECARDS.name(),
				Topics.SCORECARDS.keySerde().deserializer(), Topics.SCORECARDS.valueSerde().deserializer());
		this.rollups = this.driver.createOutputTopic(Topics.DAILY_ROLLUPS.name(),
				Topics.DAILY_ROLLUPS.keySerde().deserializer(), Topics.DAILY_ROLLUPS.valueSerde().deserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.OBSERVATIONS_DEAD_LETTER.name(),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.campaigns = this.driver.createInputTopic(Topics.CAMPAIGNS.name(), new StringSerializer(),
				Topics.CAMPAIGNS.valueSerde().serializer());
		this.rawCampaigns = this.driver.createInputTopic(Topics.CAMPAIGNS.name(), new StringSerializer(),
				new ByteArraySerializer());
		this.campaignResults = this.driver.createOutputTopic(Topics.CAMPAIGN_RESULTS.name(),
				Topics.CAMPAIGN_RESULTS.keySerde().deserializer(), Topics.CAMPAIGN_RESULTS.valueSerde().deserializer());
	}

	/**
	 * Stops the task and starts it again on the state it committed, as after a restart or rebalance:
	 * every store's entries are carried over (what restoring from the changelogs does), nothing held in
	 * memory is. Output not yet read is dropped.
	 */
	ScoringTopologyHarness restart() {
		Map<String, List<KeyValue<Object, Object>>> state = new LinkedHashMap<>();
		for (String name : STORES) {
			List<KeyValue<Object, Object>> entries = new ArrayList<>();
			try (KeyValueIterator<Object, Object> all = this.driver.getKeyValueStore(name).all()) {
				all.forEachRemaining(entries::add);
			}
			state.put(name, entries);
		}
		close();
		start();
		state.forEach((name, entries) -> entries
			.forEach((entry) -> this.driver.getKeyValueStore(name).put(entry.key, entry.value)));
		return this;
	}

	/** An observation on channel {@code all}, received after every earlier one of this harness. */
	ObservationRecorded observation(String brand, String metric, LocalDate date, double value) {
		return observation(brand, metric, "all", date, value);
	}

	ObservationRecorded observation(String brand, String metric, String channel, LocalDate date, double value) {
		return new ObservationRecorded(brand, metric, channel, date, value, RECEIVED.plusMillis(this.sequence++),
				"test");
	}

	ScoringTopologyHarness send(ObservationRecorded observation) {
		this.observations.pipeInput(observation.brand(), observation);
		return this;
	}

	ScoringTopologyHarness send(List<ObservationRecorded> batch) {
		batch.forEach(this::send);
		return this;
	}

	ScoringTopologyHarness sendWithKey(String key, ObservationRecorded observation) {
		this.observations.pipeInput(key, observation);
		return this;
	}

	ScoringTopologyHarness sendRaw(String key, byte[] value, Header... headers) {
		this.rawObservations.pipeInput(new TestRecord<>(key, value, new RecordHeaders(headers)));
		return this;
	}

	/** Publishes a campaign definition under its key, as ingest does. */
	ScoringTopologyHarness define(CampaignDefined campaign) {
		this.campaigns.pipeInput(campaign.key(), campaign);
		return this;
	}

	/** Publishes a campaign's tombstone. */
	ScoringTopologyHarness deleteCampaign(String key) {
		this.campaigns.pipeInput(key, null);
		return this;
	}

	ScoringTopologyHarness sendRawCampaign(String key, byte[] value) {
		this.rawCampaigns.pipeInput(key, value);
		return this;
	}

	/** Every campaign result (or tombstone: a {@code null} value) published since the last read, with its key. */
	List<KeyValue<String, CampaignScored>> campaignResults() {
		return this.campaignResults.readKeyValuesToList();
	}

	/** Lets the wall clock advance, which runs the punctuator once per interval. */
	ScoringTopologyHarness advance(Duration time) {
		this.driver.advanceWallClockTime(time);
		return this;
	}

	/** Lets one recompute interval pass without new data, so the punctuator scores every dirty brand. */
	ScoringTopologyHarness recompute() {
		this.driver.advanceWallClockTime(RECOMPUTE_INTERVAL);
		return this;
	}

	/** Every scorecard emitted since the last read. */
	List<BrandScored> scorecards() {
		return this.scorecards.readValuesToList();
	}

	/** Every scorecard emitted since the last read, with its record key. */
	List<KeyValue<String, BrandScored>> keyedScorecards() {
		return this.scorecards.readKeyValuesToList();
	}

	/** The last scorecard of each brand emitted since the last read. */
	Map<String, BrandScored> latestScorecards() {
		Map<String, BrandScored> latest = new LinkedHashMap<>();
		this.scorecards.readKeyValuesToList().forEach((record) -> latest.put(record.key, record.value));
		return latest;
	}

	/** The single scorecard of a brand emitted since the last read. */
	BrandScored scorecard(String brand) {
		List<BrandScored> emitted = scorecards().stream().filter((card) -> card.brand().equals(brand)).toList();
		if (emitted.size() != 1) {
			throw new AssertionError("Expected one scorecard for " + brand + " but got " + emitted.size());
		}
		return emitted.get(0);
	}

	List<DailyRollup> rollups() {
		return this.rollups.readValuesToList();
	}

	/** Every rollup emitted since the last read, with its record key. */
	List<KeyValue<String, DailyRollup>> keyedRollups() {
		return this.rollups.readKeyValuesToList();
	}

	List<TestRecord<String, byte[]>> deadLetters() {
		return this.deadLetters.readRecordsToList();
	}

	<V> KeyValueStore<String, V> store(String name) {
		return this.driver.getKeyValueStore(name);
	}

	/** The scorecard without the wall-clock time it was scored at, to compare runs. */
	static BrandScored withoutTime(BrandScored card) {
		return new BrandScored(card.brand(), card.asOf(), card.windowDays(), card.verdict(), card.vanityGrowthPercent(),
				card.vanityMarginPercent(), card.vanityTrend(), card.outcomeGrowthPercent(), card.outcomeMarginPercent(),
				card.outcomeTrend(), card.vanityIndex(), card.impactScore(), card.metrics(), card.evidence(),
				card.flags(), card.explanation(), null);
	}

	double counter(String name) {
		return this.registry.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

	@Override
	public void close() {
		this.driver.close();
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

}
