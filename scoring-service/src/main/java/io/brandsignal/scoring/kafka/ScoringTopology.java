package io.brandsignal.scoring.kafka;

import java.time.Duration;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.cells.BrandCellsBudget;
import io.brandsignal.scoring.cells.CellStore;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring topology as a plain function of a {@link StreamsBuilder}: observations and campaigns in;
 * scorecards, daily rollups, campaign results and dead letters out. Six state stores, all changelogged: the
 * daily cells, one entry per brand and day keyed {@code brand|date} holding every metric and channel of that
 * day ({@link CellStore}; one brand's cells are one prefix scan), the dirty brands with the earliest day
 * that changed, (in compact form) the last rollup emitted per {@code brand|date}, the version of
 * the scoring method the task's brands were scored with, the campaigns keyed {@code brand|id}, and what was
 * last published per campaign.
 * <p>
 * Campaigns are keyed {@code brand|id} on their topic (so compaction keeps each campaign's last definition),
 * while the ledger is partitioned by brand. They are checked ({@link CampaignIntake}), then re-partitioned
 * through the internal topic {@value #CAMPAIGNS_BY_BRAND} (Kafka Streams names it
 * {@code <application.id>-campaigns-by-brand-repartition}) with their key unchanged but placed by the hash of
 * their brand alone ({@link CampaignPartitioner}), and merged with the observations into the one processor
 * that holds the brand's ledger. The re-partition topic takes the campaigns topic's partition count, so the
 * campaigns and observations topics must have the same count (both are provisioned from
 * {@code brandsignal.topics.partitions}). Keying the input by brand instead would have let compaction drop
 * all but one campaign per brand.
 */
public final class ScoringTopology {

	/** Daily cells, one entry per brand and day keyed {@code brand|date} ({@link CellStore}). */
	public static final String CELLS_STORE = "scoring-cells";

	/** Brands changed since their last recompute, with the earliest changed day. */
	public static final String DIRTY_BRANDS_STORE = "scoring-dirty-brands";

	/** The last rollup published per {@code brand|date}. */
	public static final String ROLLUPS_STORE = "scoring-rollups";

	/** The version of the scoring method the task's brands were last scored with ({@link ScoringMethod}). */
	public static final String SCORING_METHOD_STORE = "scoring-method";

	/** The campaigns as last defined, keyed {@code brand|id} ({@link BrandCampaigns}). */
	public static final String CAMPAIGNS_STORE = "scoring-campaigns";

	/** What was last published per campaign, keyed {@code brand|id} ({@link PublishedCampaigns}). */
	public static final String CAMPAIGN_RESULTS_STORE = "scoring-campaign-results";

	/**
	 * How many bytes of cell writes each task holds until its commit ({@link WriteBehindStore}): a commit interval
	 * at full speed writes a few hundred days of a task's brands, well under this.
	 */
	static final long CELLS_PENDING_BYTES = 1L << 20;

	/** The name of the re-partition of the campaigns by brand. */
	public static final String CAMPAIGNS_BY_BRAND = "campaigns-by-brand";

	private ScoringTopology() {
	}

	/**
	 * Adds the scoring topology to a builder.
	 * @param builder the builder to add to
	 * @param catalog the metrics the ledger accepts
	 * @param rules the scoring thresholds and defaults
	 * @param schedule when dirty brands are recomputed
	 * @param cachedBrands how many brands' cells the instance's stream tasks keep in memory together
	 * @param metrics the service's meters
	 * @return the stream of observations read, values as bytes
	 */
	public static KStream<String, byte[]> build(StreamsBuilder builder, MetricCatalog catalog,
			ScoringRules rules, Schedule schedule, int cachedBrands, ScoringMetrics metrics) {
		return build(builder, catalog, rules, schedule, cachedBrands, metrics, Storage.PERSISTENT);
	}

	/**
	 * Adds the scoring topology to a builder, with the given kind of local storage.
	 * @param builder the builder to add to
	 * @param catalog the metrics the ledger accepts
	 * @param rules the scoring thresholds and defaults
	 * @param schedule when dirty brands are recomputed
	 * @param cachedBrands how many brands' cells the instance's stream tasks keep in memory together
	 * @param metrics the service's meters
	 * @param storage where the stores keep their data locally (all are backed by changelog topics)
	 * @return the stream of observations read, values as bytes
	 */
	public static KStream<String, byte[]> build(StreamsBuilder builder, MetricCatalog catalog,
			ScoringRules rules, Schedule schedule, int cachedBrands, ScoringMetrics metrics, Storage storage) {
		return build(builder, catalog, rules, LiftRules.defaults(), schedule, cachedBrands, metrics, storage);
	}

	/**
	 * Adds the scoring topology to a builder, with the given campaign lift settings.
	 * @param builder the builder to add to
	 * @param catalog the metrics the ledger accepts
	 * @param rules the scoring thresholds and defaults
	 * @param liftRules the campaign lift settings
	 * @param schedule when dirty brands are recomputed
	 * @param cachedBrands how many brands' cells the instance's stream tasks keep in memory together
	 * @param metrics the service's meters
	 * @param storage where the stores keep their data locally (all are backed by changelog topics)
	 * @return the stream of observations read, values as bytes
	 */
	public static KStream<String, byte[]> build(StreamsBuilder builder, MetricCatalog catalog,
			ScoringRules rules, LiftRules liftRules, Schedule schedule, int cachedBrands, ScoringMetrics metrics,
			Storage storage) {
		BrandCellsBudget budget = new BrandCellsBudget(cachedBrands);
		builder.addStateStore(WriteBehindStore.builder(
				Stores.keyValueStoreBuilder(storage.supplier(CELLS_STORE), Serdes.String(), Serdes.ByteArray()),
				CELLS_PENDING_BYTES));
		builder.addStateStore(Stores
			.keyValueStoreBuilder(storage.supplier(DIRTY_BRANDS_STORE), Serdes.String(), Serdes.String())
			.withCachingEnabled());
		builder.addStateStore(Stores
			.keyValueStoreBuilder(storage.supplier(ROLLUPS_STORE), Serdes.String(), Serdes.ByteArray())
			.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(storage.supplier(SCORING_METHOD_STORE), Serdes.String(), Serdes.Integer()));
		builder.addStateStore(
				Stores.keyValueStoreBuilder(storage.supplier(CAMPAIGNS_STORE), Serdes.String(), Serdes.ByteArray()));
		builder.addStateStore(Stores.keyValueStoreBuilder(storage.supplier(CAMPAIGN_RESULTS_STORE), Serdes.String(),
				Serdes.ByteArray()));

		// values stay bytes here: the processor decodes them, so an unreadable one is dead-lettered in
		// the same transaction as everything else
		KStream<String, byte[]> observations = builder.stream(Topics.OBSERVATIONS.name(),
				Consumed.with(Topics.OBSERVATIONS.keySerde(), Serdes.ByteArray()).withName("observations"));
		KStream<String, byte[]> campaigns = builder.stream(Topics.CAMPAIGNS.name(),
				Consumed.with(Topics.CAMPAIGNS.keySerde(), Serdes.ByteArray()).withName("campaigns"));
		KStream<String, byte[]> campaignsByBrand = campaigns
			.process(() -> new CampaignIntake(metrics), Named.as("check-campaigns"))
			.split(Named.as("campaign-"))
			.branch((key, value) -> value instanceof CampaignIntake.Accepted, Branched.as("accepted"))
			.defaultBranch(Branched.withConsumer(ScoringTopology::toDeadLetters, "dead-letters"))
			.get("campaign-accepted")
			.mapValues((value) -> ((CampaignIntake.Accepted) value).definition(), Named.as("accepted-definitions"))
			.repartition(Repartitioned.<String, byte[]>as(CAMPAIGNS_BY_BRAND)
				.withKeySerde(Serdes.String())
				.withValueSerde(Serdes.ByteArray())
				.withStreamPartitioner(new CampaignPartitioner()));
		observations.merge(campaignsByBrand, Named.as("observations-and-campaigns"))
			.process(() -> new ScoringProcessor(catalog, rules, liftRules, schedule, metrics, budget), Named.as("score"),
					CELLS_STORE, DIRTY_BRANDS_STORE, ROLLUPS_STORE, SCORING_METHOD_STORE, CAMPAIGNS_STORE,
					CAMPAIGN_RESULTS_STORE)
			.split(Named.as("route-"))
			.branch((key, value) -> value instanceof BrandScored, Branched.withConsumer((scorecards) -> scorecards
				.mapValues((value) -> (BrandScored) value)
				.to(Topics.SCORECARDS.name(),
						Produced.with(Topics.SCORECARDS.keySerde(), Topics.SCORECARDS.valueSerde())),
					"scorecards"))
			.branch((key, value) -> value instanceof DailyRollup, Branched.withConsumer((rollups) -> rollups
				.mapValues((value) -> (DailyRollup) value)
				.to(Topics.DAILY_ROLLUPS.name(),
						Produced.with(Topics.DAILY_ROLLUPS.keySerde(), Topics.DAILY_ROLLUPS.valueSerde())),
					"rollups"))
			.branch((key, value) -> value instanceof ScoringProcessor.CampaignOutput,
					Branched.withConsumer((results) -> results
						.mapValues((value) -> ((ScoringProcessor.CampaignOutput) value).result())
						.to(Topics.CAMPAIGN_RESULTS.name(), Produced.with(Topics.CAMPAIGN_RESULTS.keySerde(),
								Topics.CAMPAIGN_RESULTS.valueSerde())),
						"campaign-results"))
			.defaultBranch(Branched.withConsumer(ScoringTopology::toDeadLetters, "dead-letters"));
		return observations;
	}

	/** Sends dead letters (forwarded as {@code byte[]} by {@link DeadLetters}) to scoring's dead-letter topic. */
	private static void toDeadLetters(KStream<String, Object> deadLetters) {
		deadLetters.mapValues((value) -> (byte[]) value)
			.to(Topics.OBSERVATIONS_DEAD_LETTER.name(), Produced.with(Topics.OBSERVATIONS_DEAD_LETTER.keySerde(),
					Topics.OBSERVATIONS_DEAD_LETTER.valueSerde()));
	}

	/**
	 * When a dirty brand is recomputed ({@link DirtyBrands}): a lone update once the brand has had no
	 * further change for {@code quietPeriod}; a brand in a burst once it has had no change for a whole
	 * {@code interval}, or at the latest {@code maxDelay} after it first changed. A wall-clock
	 * punctuator looks for due brands every {@link #punctuationInterval}.
	 *
	 * @param quietPeriod how long a lone update waits for more of its kind before the recompute
	 * @param interval the quiet time that settles a brand in a burst, and the least time between two
	 * recomputes of a brand that keeps changing
	 * @param maxDelay the longest a brand that keeps changing (a backfill) waits for its scorecard
	 */
	public record Schedule(Duration quietPeriod, Duration interval, Duration maxDelay) {

		/** The shortest punctuation interval: finer would cost more than the milliseconds it saves. */
		private static final Duration FINEST_PUNCTUATION = Duration.ofMillis(5);

		public Schedule {
			if (quietPeriod.isNegative() || quietPeriod.isZero() || interval.compareTo(quietPeriod) < 0
					|| maxDelay.compareTo(interval) < 0) {
				throw new IllegalArgumentException("Need 0 < quietPeriod <= interval <= maxDelay");
			}
		}

		/**
		 * How often the punctuator looks for due brands: half the quiet period, so a lone update waits
		 * for it at most that much longer than the quiet period.
		 */
		public Duration punctuationInterval() {
			Duration half = this.quietPeriod.dividedBy(2);
			return (half.compareTo(FINEST_PUNCTUATION) < 0) ? FINEST_PUNCTUATION : half;
		}

	}

	/** Where the state stores keep their data locally. */
	public enum Storage {

		/** RocksDB on disk under the state directory: what the service runs with. */
		PERSISTENT,

		/** The heap, restored from the changelog on start: for fast topology tests. */
		IN_MEMORY;

		KeyValueBytesStoreSupplier supplier(String name) {
			return (this == PERSISTENT) ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
		}

	}

}
