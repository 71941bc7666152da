package io.brandsignal.scoring.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.campaign.CampaignScorer;
import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.cells.BrandCellsBudget;
import io.brandsignal.scoring.cells.CellStore;
import io.brandsignal.scoring.cells.DayKey;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.scorecard.BrandScorer;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger and scorer of one stream task. It reads observations as bytes and decodes them itself,
 * so that unreadable records, like invalid ones, are dead-lettered ({@link DeadLetters}) inside the
 * task's transaction. Each valid observation upserts its cell ({@link CellStore}) and, when that
 * changed anything, marks its brand dirty ({@link DirtyBrands}); a wall-clock punctuator then
 * recomputes each due brand once, whatever number of records dirtied it, emitting its scorecard and
 * the rollups whose values changed ({@link PublishedRollups}), and its campaigns' results that changed
 * ({@link PublishedCampaigns}).
 * <p>
 * It also reads the brand's campaigns, checked and re-partitioned by brand ({@link CampaignIntake}): a new
 * or changed definition is stored ({@link BrandCampaigns}) and marks the brand dirty; a deletion publishes
 * the campaign's tombstone at once and marks the brand dirty too (the others' overlaps change).
 * <p>
 * Outputs are forwarded as {@link BrandScored}, {@link DailyRollup}, {@link CampaignOutput} or {@code byte[]}
 * (a dead letter); {@link ScoringTopology} routes them to their topics.
 */
final class ScoringProcessor implements Processor<String, byte[], String, Object> {

	private static final Logger logger = LoggerFactory.getLogger(ScoringProcessor.class);

	private final MetricCatalog catalog;

	private final ScoringRules rules;

	private final ScoringTopology.Schedule schedule;

	private final ScoringMetrics metrics;

	private final BrandCellsBudget budget;

	/**
	 * After this many campaigns scored in one punctuation (about 8 ms each for a brand with a full horizon), the
	 * brands still due wait for the next one, so a punctuation holds its transaction for about a second at most
	 * even when thousands of campaigns arrive together (a first start, a replayed topic).
	 */
	static final int CAMPAIGNS_PER_PUNCTUATION = 100;

	private final ObservationValidator validator;

	private final BrandScorer scorer;

	private final CampaignScorer campaignScorer;

	private final Deserializer<ObservationRecorded> observations = Topics.OBSERVATIONS.valueSerde().deserializer();

	private ProcessorContext<String, Object> context;

	private CellStore cells;

	private DirtyBrands dirtyBrands;

	private PublishedRollups rollups;

	private ScoringMethod method;

	private DeadLetters deadLetters;

	/** Campaigns refused here rather than at intake (beyond the per-brand limit). */
	private DeadLetters campaignDeadLetters;

	private BrandCampaigns campaigns;

	private PublishedCampaigns campaignResults;

	/** Campaigns scored in the current punctuation. */
	private int campaignsScored;

	ScoringProcessor(MetricCatalog catalog, ScoringRules rules, LiftRules liftRules,
			ScoringTopology.Schedule schedule, ScoringMetrics metrics, BrandCellsBudget budget) {
		this.catalog = catalog;
		this.rules = rules;
		this.schedule = schedule;
		this.metrics = metrics;
		this.budget = budget;
		this.validator = new ObservationValidator(catalog);
		this.scorer = new BrandScorer(rules);
		this.campaignScorer = new CampaignScorer(liftRules);
	}

	@Override
	public void init(ProcessorContext<String, Object> context) {
		this.context = context;
		if (this.cells != null) {
			// a revived task: its stores may have been restored to an earlier state
			this.cells.dropCopies();
		}
		this.cells = new CellStore(context.getStateStore(ScoringTopology.CELLS_STORE), this.budget);
		this.dirtyBrands = new DirtyBrands(context.getStateStore(ScoringTopology.DIRTY_BRANDS_STORE), this.schedule);
		this.rollups = new PublishedRollups(context.getStateStore(ScoringTopology.ROLLUPS_STORE));
		this.method = new ScoringMethod(context.getStateStore(ScoringTopology.SCORING_METHOD_STORE));
		this.deadLetters = new DeadLetters(context, this.metrics, Topics.OBSERVATIONS.name());
		this.campaignDeadLetters = new DeadLetters(context, this.metrics, Topics.CAMPAIGNS.name());
		this.campaigns = new BrandCampaigns(context.getStateStore(ScoringTopology.CAMPAIGNS_STORE));
		this.campaignResults = new PublishedCampaigns(context.getStateStore(ScoringTopology.CAMPAIGN_RESULTS_STORE));
		context.schedule(this.schedule.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::recomputeDueBrands);
	}

	@Override
	public void close() {
		if (this.cells != null) {
			this.cells.dropCopies();
		}
		if (this.dirtyBrands != null) {
			this.dirtyBrands.forget();
		}
	}

	/**
	 * Brings the task up to date at its first record or punctuation after (re)initialization, since
	 * stores can only be written with a record context: loads the dirty brands, and when the brands were
	 * scored with another method, marks every one dirty from its first day and records the method, all
	 * in the transaction of that record or punctuation.
	 */
	private void prepare() {
		if (this.dirtyBrands.isLoaded()) {
			return;
		}
		this.dirtyBrands.load();
		if (this.method.outdated()) {
			Map<String, LocalDate> brands = this.cells.firstDays();
			this.dirtyBrands.markForRescore(brands, this.context.currentSystemTimeMs());
			this.method.recordCurrent();
			if (!brands.isEmpty()) {
				logger.info("Rescoring every brand of task {} with scoring method {}: {} brand(s)", this.context.taskId(),
						ScoringMethod.VERSION, brands.size());
			}
		}
	}

	@Override
	public void process(Record<String, byte[]> record) {
		if (this.context.recordMetadata().map((source) -> !source.topic().equals(Topics.OBSERVATIONS.name()))
			.orElse(false)) {
			campaignChanged(record);
			return;
		}
		ObservationRecorded observation;
		try {
			observation = this.observations.deserialize(Topics.OBSERVATIONS.name(), record.headers(), record.value());
		}
		catch (RuntimeException ex) {
			this.deadLetters.send(record, "unreadable observation: " + ex.getMessage(), ex.getClass());
			return;
		}
		Optional<String> problem = this.validator.problem(record.key(), observation,
				Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
		if (problem.isPresent()) {
			this.deadLetters.send(record, problem.get(), null);
			return;
		}
		this.metrics.observationProcessed();
		prepare();
		if (this.cells.upsert(observation)) {
			this.dirtyBrands.changed(observation.brand(), observation.date(), this.context.currentSystemTimeMs());
		}
	}

	/**
	 * Stores a campaign's new definition, or forgets a deleted campaign and publishes its tombstone when a
	 * result of it was published; either marks the brand dirty when it changed anything.
	 * @param record a campaign keyed {@code brand|id} that passed {@link CampaignIntake}
	 */
	private void campaignChanged(Record<String, byte[]> record) {
		prepare();
		long now = this.context.currentSystemTimeMs();
		boolean changed;
		if (record.value() == null) {
			changed = this.campaigns.delete(record.key());
			if (this.campaignResults.forget(record.key())) {
				this.context.forward(new Record<String, Object>(record.key(), new CampaignOutput(null), now));
			}
		}
		else if (this.campaigns.wouldExceedLimit(record.key())) {
			this.campaignDeadLetters.send(record, "brand '" + CampaignDefined.brandOfKey(record.key()) + "' has "
					+ CampaignRules.MAX_CAMPAIGNS_PER_BRAND + " campaigns already, the most scoring keeps per brand; "
					+ "delete one before defining another", null);
			return;
		}
		else {
			changed = this.campaigns.define(record.key(), record.value());
		}
		if (changed) {
			this.dirtyBrands.changed(CampaignDefined.brandOfKey(record.key()), DirtyBrands.NO_DAY, now);
		}
	}

	private void recomputeDueBrands(long timestamp) {
		prepare();
		this.campaignsScored = 0;
		this.dirtyBrands.recomputeDue(timestamp, (brand, changedSince) -> {
			try {
				recompute(brand, changedSince, timestamp);
			}
			catch (KafkaException ex) {
				// store, fencing and producer failures belong to Kafka Streams' own recovery
				throw ex;
			}
			catch (RuntimeException ex) {
				// one brand whose data trips the scorer must not stop every other brand's scoring
				logger.error("Could not score brand '{}'; it is scored again on its next change", brand, ex);
			}
		}, () -> this.campaignsScored >= CAMPAIGNS_PER_PUNCTUATION);
	}

	/**
	 * Rebuilds one brand's ledger from its cells (dropping cells beyond the horizon), emits the rollups
	 * of changed days, a fresh scorecard unless only campaigns changed, and the campaign results that changed.
	 */
	private void recompute(String brand, LocalDate changedSince, long timestamp) {
		Optional<CellStore.HorizonLedger> cells = this.cells.ledger(brand, this.rules.window().horizonDays(),
				this.catalog, this.rules.ledger());
		if (cells.isEmpty() || cells.get().ledger().isEmpty()) {
			return;
		}
		BrandLedger ledger = cells.get().ledger();
		for (DailyRollup rollup : this.rollups.changed(ledger, changedSince, cells.get().horizonStart())) {
			this.context.forward(new Record<String, Object>(DayKey.of(brand, rollup.date()), rollup, timestamp));
		}
		if (!changedSince.equals(DirtyBrands.NO_DAY)) {
			BrandScored scorecard = this.scorer.score(ledger, Instant.ofEpochMilli(timestamp));
			this.context.forward(new Record<String, Object>(brand, scorecard, timestamp));
			this.metrics.scorecardEmitted();
		}
		recomputeCampaigns(ledger, changedSince, timestamp);
	}

	/**
	 * Scores each of the brand's campaigns whose inputs changed and publishes those whose result changed. A
	 * campaign whose carry-over ended before the earliest changed day is skipped without reading its data
	 * ({@link PublishedCampaigns#mayHaveChanged}); the others are scored only when the digest of their data or
	 * of the brand's definitions changed ({@link PublishedCampaigns#inputsChanged}), so a rescore or replay
	 * costs a digest per campaign, not an estimate. A campaign that cannot be scored is logged and left as it
	 * was, so it does not hold up the others.
	 */
	private void recomputeCampaigns(BrandLedger ledger, LocalDate changedSince, long timestamp) {
		BrandCampaigns.Campaigns brandCampaigns = this.campaigns.of(ledger.brand());
		byte[] definitions = brandCampaigns.digest();
		for (CampaignDefined campaign : brandCampaigns.campaigns()) {
			String key = campaign.key();
			if (!this.campaignResults.mayHaveChanged(key, definitions, changedSince,
					this.campaignScorer.effectEnd(campaign))) {
				continue;
			}
			try {
				CampaignScorer.Inputs inputs = this.campaignScorer.inputs(ledger, campaign);
				byte[] data = inputs.digest();
				if (!this.campaignResults.inputsChanged(key, definitions, data)) {
					continue;
				}
				this.campaignsScored++;
				CampaignScored result = this.campaignScorer.score(campaign, brandCampaigns.campaigns(), inputs,
						Instant.ofEpochMilli(timestamp));
				if (this.campaignResults.record(key, definitions, data, result)) {
					this.context.forward(new Record<String, Object>(key, new CampaignOutput(result), timestamp));
					this.metrics.campaignResultPublished(result.verdict());
				}
			}
			catch (KafkaException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				logger.error("Could not score campaign '{}'; it is scored again on its brand's next change", key, ex);
			}
		}
	}

	/**
	 * A campaign result to publish, or a tombstone ({@code null}) for a deleted campaign: wrapped, so that
	 * {@link ScoringTopology} can route a tombstone too.
	 *
	 * @param result the result, {@code null} for a tombstone
	 */
	record CampaignOutput(CampaignScored result) {
	}

}
