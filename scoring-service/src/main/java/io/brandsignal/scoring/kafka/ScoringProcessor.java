package io.brandsignal.scoring.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.scorecard.BrandScorer;
import io.brandsignal.scoring.scorecard.ScoringRules;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The ledger and scorer of one stream task. It reads observations as bytes and decodes them itself,
 * so that unreadable records, like invalid ones, are dead-lettered inside the task's transaction:
 * exactly once, with the original bytes. Each observation upserts its cell in the brand's day
 * ({@link DayCells}) and marks its brand dirty with the earliest day that changed; a wall-clock
 * punctuator then recomputes each dirty brand once, whatever number of records dirtied it, emitting
 * its scorecard and the rollups of the days whose values changed.
 * <p>
 * Outputs are forwarded as {@link BrandScored}, {@link DailyRollup} or {@code byte[]} (a dead letter,
 * the reason in its headers); {@link ScoringTopology} routes them to their topics.
 */
final class ScoringProcessor implements Processor<String, byte[], String, Object> {

	/** Header with the reason an observation was dead-lettered (Spring Kafka's name). */
	static final String REASON_HEADER = KafkaHeaders.DLT_EXCEPTION_MESSAGE;

	private static final Logger logger = LoggerFactory.getLogger(ScoringProcessor.class);

	private static final StringSerializer KEYS = new StringSerializer();

	private final MetricCatalog catalog;

	private final ScoringRules rules;

	private final ScoringTopology.Schedule schedule;

	private final ScoringMetrics metrics;

	private final ObservationValidator validator;

	private final BrandScorer scorer;

	private final Deserializer<ObservationRecorded> observations = Topics.OBSERVATIONS.valueSerde().deserializer();

	private ProcessorContext<String, Object> context;

	private KeyValueStore<String, byte[]> cells;

	private KeyValueStore<String, String> dirtyBrands;

	private KeyValueStore<String, byte[]> rollups;

	/**
	 * In-memory copies of brands' cells, least recently used first, one {@link #budget} slot each;
	 * they mirror the cell store.
	 */
	private final Map<String, BrandCells> cachedBrands = new LinkedHashMap<>(64, 0.75f, true);

	private final BrandCellsBudget budget;

	private final CanonicalNames names = new CanonicalNames();

	/**
	 * The dirty-brand store in memory, loaded on the task's first record or punctuation ({@code null}
	 * until then), so an observation costs no store read to learn whether its brand is already dirty.
	 */
	private Map<String, DirtyBrand> dirty;

	ScoringProcessor(MetricCatalog catalog, ScoringRules rules, ScoringTopology.Schedule schedule,
			ScoringMetrics metrics, BrandCellsBudget budget) {
		this.catalog = catalog;
		this.budget = budget;
		this.rules = rules;
		this.schedule = schedule;
		this.metrics = metrics;
		this.validator = new ObservationValidator(catalog);
		this.scorer = new BrandScorer(rules);
	}

	@Override
	public void init(ProcessorContext<String, Object> context) {
		this.context = context;
		this.cells = context.getStateStore(ScoringTopology.CELLS_STORE);
		this.dirtyBrands = context.getStateStore(ScoringTopology.DIRTY_BRANDS_STORE);
		this.rollups = context.getStateStore(ScoringTopology.ROLLUPS_STORE);
		// after a revived task the stores may have been restored to an earlier state
		dropCachedBrands();
		this.dirty = null;
		context.schedule(this.schedule.interval(), PunctuationType.WALL_CLOCK_TIME, this::recomputeDirtyBrands);
	}

	@Override
	public void close() {
		dropCachedBrands();
		this.dirty = null;
	}

	private void dropCachedBrands() {
		this.budget.release(this.cachedBrands.size());
		this.cachedBrands.clear();
	}

	/**
	 * The dirty brands in memory, loaded from their store at the task's first record or punctuation
	 * after (re)initialization; the cell store of the first layout is converted at the same moment,
	 * since stores can only be written with a record context.
	 */
	private Map<String, DirtyBrand> loadedDirtyBrands() {
		if (this.dirty == null) {
			int converted = LegacyCellMigration.migrate(this.cells);
			if (converted > 0) {
				logger.info("Converted {} cells of task {} to one store entry per brand and day", converted,
						this.context.taskId());
			}
			Map<String, DirtyBrand> loaded = new TreeMap<>();
			try (KeyValueIterator<String, String> all = this.dirtyBrands.all()) {
				all.forEachRemaining((brand) -> loaded.put(brand.key, new DirtyBrand(parseDate(brand.value))));
			}
			this.dirty = loaded;
		}
		return this.dirty;
	}

	@Override
	public void process(Record<String, byte[]> record) {
		ObservationRecorded observation;
		try {
			observation = this.observations.deserialize(Topics.OBSERVATIONS.name(), record.headers(), record.value());
		}
		catch (RuntimeException ex) {
			deadLetter(record, "unreadable observation: " + ex.getMessage(), ex.getClass());
			return;
		}
		Optional<String> problem = this.validator.problem(record.key(), observation,
				Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
		if (problem.isPresent()) {
			deadLetter(record, problem.get(), null);
			return;
		}
		this.metrics.observationProcessed();
		Map<String, DirtyBrand> dirty = loadedDirtyBrands();
		String brand = observation.brand();
		LocalDate date = observation.date();
		String dayKey = dayKey(brand, date);
		BrandCells cached = cachedOrLoaded(brand);
		DayCells day = (cached != null) ? cached.day(date) : DayCells.decode(this.cells.get(dayKey));
		if (day == null) {
			day = new DayCells();
			cached.put(date, day);
		}
		if (!day.upsert(this.names.apply(observation.metric()), this.names.apply(observation.channel()),
				observation.value(), observation.receivedAt())) {
			return;
		}
		this.cells.put(dayKey, day.encode());
		long now = this.context.currentSystemTimeMs();
		DirtyBrand changed = dirty.get(brand);
		if (changed == null) {
			dirty.put(brand, new DirtyBrand(date, now));
			this.dirtyBrands.put(brand, date.toString());
		}
		else {
			if (date.isBefore(changed.since)) {
				changed.since = date;
				this.dirtyBrands.put(brand, date.toString());
			}
			changed.changed(now);
		}
	}

	/**
	 * Forwards the record's original bytes to the dead-letter topic with the reason, the exception type
	 * when there was one, and where the record came from, in Spring Kafka's dead-letter headers.
	 */
	private void deadLetter(Record<String, byte[]> record, String reason, Class<?> exception) {
		Headers headers = new RecordHeaders(record.headers().toArray());
		headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		if (exception != null) {
			headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, exception.getName().getBytes(StandardCharsets.UTF_8));
		}
		Optional<RecordMetadata> source = this.context.recordMetadata();
		if (source.isPresent()) {
			headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.get().topic().getBytes(StandardCharsets.UTF_8));
			headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(source.get().partition()).array());
			headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(source.get().offset()).array());
		}
		this.context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers));
		this.metrics.deadLettered(Topics.OBSERVATIONS.name());
	}

	/**
	 * Recomputes each dirty brand that has been quiet for a whole interval, or dirty for the maximum
	 * delay: a live update is scored at the next punctuation after it, a brand being backfilled only
	 * every {@code maxDelay} until its backfill ends.
	 */
	private void recomputeDirtyBrands(long timestamp) {
		long quiet = this.schedule.interval().toMillis();
		long maxDelay = this.schedule.maxDelay().toMillis();
		Iterator<Map.Entry<String, DirtyBrand>> dirty = loadedDirtyBrands().entrySet().iterator();
		while (dirty.hasNext()) {
			Map.Entry<String, DirtyBrand> brand = dirty.next();
			if (brand.getValue().due(timestamp, quiet, maxDelay)) {
				try {
					recompute(brand.getKey(), brand.getValue().since, timestamp);
				}
				catch (KafkaException ex) {
					// store, fencing and producer failures belong to Kafka Streams' own recovery
					throw ex;
				}
				catch (RuntimeException ex) {
					// one brand whose data trips the scorer must not stop every other brand's scoring
					logger.error("Could not score brand '{}'; it is scored again on its next change", brand.getKey(),
							ex);
				}
				this.dirtyBrands.delete(brand.getKey());
				dirty.remove();
			}
		}
	}

	/**
	 * Rebuilds one brand's ledger from its cells, drops cells beyond the horizon, emits the rollups of
	 * changed days and a fresh scorecard.
	 */
	void recompute(String brand, LocalDate dirtySince, long timestamp) {
		BrandCells brandCells = this.cachedBrands.get(brand);
		if (brandCells == null) {
			brandCells = load(brand);
			if (this.budget.tryAcquire() || evictEldest()) {
				this.cachedBrands.put(brand, brandCells);
			}
		}
		LocalDate latest = brandCells.latestDate();
		if (latest == null) {
			return;
		}
		LocalDate cutoff = latest.minusDays(this.rules.window().horizonDays());
		brandCells.removeBefore(cutoff).forEach((date) -> this.cells.delete(dayKey(brand, date)));
		BrandLedger built = brandCells.toLedger(brand, this.catalog);
		if (built.isEmpty()) {
			return;
		}
		emitChangedRollups(built, dirtySince, cutoff, timestamp);
		BrandScored scorecard = this.scorer.score(built, Instant.ofEpochMilli(timestamp));
		this.context.forward(new Record<String, Object>(brand, scorecard, timestamp));
		this.metrics.scorecardEmitted();
	}

	/**
	 * The brand's in-memory copy; loaded while the budget has room, so a task's brands are read from the
	 * store once rather than on every observation. When the budget is spent, {@code null}: the
	 * observation then reads its one day from the store instead of evicting a brand whose copy a
	 * recompute is about to use.
	 */
	private BrandCells cachedOrLoaded(String brand) {
		BrandCells cached = this.cachedBrands.get(brand);
		if (cached == null && this.budget.tryAcquire()) {
			cached = load(brand);
			this.cachedBrands.put(brand, cached);
		}
		return cached;
	}

	/** Drops this task's least recently used copy, keeping its budget slot for the caller. */
	private boolean evictEldest() {
		Iterator<Map.Entry<String, BrandCells>> eldest = this.cachedBrands.entrySet().iterator();
		if (!eldest.hasNext()) {
			return false;
		}
		eldest.next();
		eldest.remove();
		return true;
	}

	private BrandCells load(String brand) {
		BrandCells brandCells = new BrandCells();
		try (KeyValueIterator<String, byte[]> scan = this.cells.prefixScan(brand + '|', KEYS)) {
			scan.forEachRemaining((day) -> brandCells.put(dateOf(day.key), DayCells.decode(day.value, this.names)));
		}
		return brandCells;
	}

	private void emitChangedRollups(BrandLedger ledger, LocalDate dirtySince, LocalDate cutoff, long timestamp) {
		String brand = ledger.brand();
		try (KeyValueIterator<String, byte[]> expired = this.rollups.range(brand + '|',
				DailyRollup.key(brand, cutoff.minusDays(1)))) {
			List<String> keys = new ArrayList<>();
			expired.forEachRemaining((rollup) -> keys.add(rollup.key));
			keys.forEach(this.rollups::delete);
		}
		// Days after the last emitted rollup are new even when no cell of theirs changed: a LEVEL value
		// now carries forward across them.
		LocalDate from = dirtySince;
		try (KeyValueIterator<String, byte[]> last = this.rollups.reverseRange(brand + '|', brand + '|' + '~')) {
			if (last.hasNext()) {
				LocalDate next = dateOf(last.next().key).plusDays(1);
				from = next.isBefore(from) ? next : from;
			}
		}
		from = latestOf(latestOf(from, ledger.firstDate()), cutoff);
		for (LocalDate day = from; !day.isAfter(ledger.latestDate()); day = day.plusDays(1)) {
			DailyRollup rollup = ledger.rollup(day);
			if (rollup.metrics().isEmpty()) {
				continue;
			}
			String key = DailyRollup.key(brand, day);
			byte[] content = content(rollup);
			if (!Arrays.equals(content, this.rollups.get(key))) {
				this.rollups.put(key, content);
				this.context.forward(new Record<String, Object>(key, rollup, timestamp));
			}
		}
	}

	/**
	 * What a rollup says, in a compact exact form: the rollup store keeps this rather than the JSON, as
	 * it is only compared (tiers follow from the metrics).
	 */
	static byte[] content(DailyRollup rollup) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * rollup.metrics().size());
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			for (Map.Entry<String, Double> metric : new TreeMap<>(rollup.metrics()).entrySet()) {
				out.writeUTF(metric.getKey());
				out.writeDouble(metric.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static LocalDate latestOf(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/** The cell-store key of a brand's day. */
	static String dayKey(String brand, LocalDate date) {
		return brand + '|' + date;
	}

	private static LocalDate dateOf(String key) {
		return parseDate(key.substring(key.lastIndexOf('|') + 1));
	}

	/** {@link LocalDate#parse} without the formatter machinery, for the {@code yyyy-MM-dd} keys. */
	static LocalDate parseDate(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return LocalDate.parse(text);
		}
		return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
				Integer.parseInt(text, 8, 10, 10));
	}

	/**
	 * A brand changed since its last recompute: the earliest day that changed (also in the dirty-brand
	 * store) and when the brand first and last changed (wall clock), to tell a brand still being
	 * backfilled from one that has settled. The times are only a hint: a brand restored from the store
	 * has none and is recomputed at the next punctuation.
	 */
	private static final class DirtyBrand {

		private LocalDate since;

		private long firstChange = -1;

		private long lastChange = -1;

		DirtyBrand(LocalDate since) {
			this.since = since;
		}

		DirtyBrand(LocalDate since, long now) {
			this(since);
			this.firstChange = now;
			this.lastChange = now;
		}

		void changed(long now) {
			if (this.firstChange < 0) {
				this.firstChange = now;
			}
			this.lastChange = now;
		}

		boolean due(long now, long quiet, long maxDelay) {
			return this.firstChange < 0 || now - this.lastChange >= quiet || now - this.firstChange >= maxDelay;
		}

	}

}
