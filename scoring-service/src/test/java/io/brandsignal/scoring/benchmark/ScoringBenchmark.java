package io.brandsignal.scoring.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topic;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.scoring.ScoringProperties;
import io.brandsignal.scoring.ServiceDefaults;
import io.brandsignal.scoring.kafka.ScoringMetrics;
import io.brandsignal.scoring.kafka.ScoringTopology;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.util.FileSystemUtils;

/**
 * Throughput of the scoring topology with {@code exactly_once_v2} against a plain consumer reading the
 * same backlog, on an in-process KRaft broker. Not a test: run it by hand (see BENCHMARK.md).
 * <p>
 * System properties: {@code bench.runs} (3, best of), {@code bench.brands} (200), {@code bench.days} (365),
 * {@code bench.threads} (stream threads, 1), {@code bench.partitions} (6); {@code bench.commit-ms},
 * {@code bench.cached-brands}, {@code bench.recompute-ms} and {@code bench.max-recompute-delay-ms} default to
 * what the service runs with ({@link ServiceDefaults}); {@code bench.cache-bytes} (10 MiB) and
 * {@code bench.max-poll-records} (1000): Kafka Streams' defaults, for trying other settings.
 */
public final class ScoringBenchmark {

	private static final String[] METRICS = { "followers", "likes", "sales_revenue", "brand_awareness" };

	private ScoringBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int brands = Integer.getInteger("bench.brands", 200);
		int days = Integer.getInteger("bench.days", 365);
		int threads = Integer.getInteger("bench.threads", 1);
		int partitions = Integer.getInteger("bench.partitions", 6);
		int runs = Integer.getInteger("bench.runs", 3);
		Path workDir = Files.createTempDirectory("scoring-benchmark");
		KraftBroker broker = KraftBroker.start(workDir.resolve("kafka"), 0, 0);
		try {
			String bootstrap = broker.bootstrapServers();
			createTopics(bootstrap, partitions);
			long records = (long) brands * days * METRICS.length;
			System.out.printf(Locale.ROOT, "Backlog: %d brands x %d days x %d metrics = %,d observations, %d partitions%n",
					brands, days, METRICS.length, records, partitions);
			double produceSeconds = preload(bootstrap, brands, days);
			System.out.printf(Locale.ROOT, "Preloaded in %.1f s%n", produceSeconds);

			// a first pass warms the JIT and the page cache, so the baseline is not understated
			consume(bootstrap, new ByteArrayDeserializer());
			Rate rawBytes = consume(bootstrap, new ByteArrayDeserializer());
			Rate rawObjects = consume(bootstrap, Topics.OBSERVATIONS.valueSerde().deserializer());
			// the topology gets the same treatment as the baseline: the best of several runs, each with a
			// fresh application id and state, so each scores the whole backlog from scratch
			ScoringRun scoring = score(bootstrap, workDir.resolve("state-1"), threads);
			for (int run = 2; run <= runs; run++) {
				scoring = scoring.faster(score(bootstrap, workDir.resolve("state-" + run), threads));
			}
			Rate streams = scoring.processed();
			// measured again after scoring; the faster run is the baseline, so a busy machine during the
			// first run cannot flatter the ratio
			for (int run = 1; run < runs; run++) {
				rawBytes = faster(rawBytes, consume(bootstrap, new ByteArrayDeserializer()));
				rawObjects = faster(rawObjects, consume(bootstrap, Topics.OBSERVATIONS.valueSerde().deserializer()));
			}

			System.out.println();
			System.out.printf(Locale.ROOT, "plain consumer (bytes only)           : %,9.0f records/s (%,d in %.2f s)%n",
					rawBytes.perSecond(), rawBytes.records(), rawBytes.seconds());
			System.out.printf(Locale.ROOT, "plain consumer (+ JSON deserialization): %,9.0f records/s (%,d in %.2f s)%n",
					rawObjects.perSecond(), rawObjects.records(), rawObjects.seconds());
			System.out.printf(Locale.ROOT, "scoring topology, exactly_once_v2     : %,9.0f records/s (%,d in %.2f s, %d stream thread(s))%n",
					streams.perSecond(), streams.records(), streams.seconds(), threads);
			System.out.printf(Locale.ROOT, "  same run, until every brand was scored: %,9.0f records/s (%.2f s)%n",
					scoring.scored().perSecond(), scoring.scored().seconds());
			System.out.printf(Locale.ROOT, "ratio scoring / plain consumer (bytes): %.2f (target >= 0.30)%n",
					streams.perSecond() / rawBytes.perSecond());
			System.out.printf(Locale.ROOT, "ratio scoring / plain consumer (JSON) : %.2f%n",
					streams.perSecond() / rawObjects.perSecond());
			BenchmarkFigure.ratio("scoring, exactly_once_v2 vs a plain consumer decoding JSON", streams.perSecond(),
					"rec/s", rawObjects.perSecond(), 0.3).print();
		}
		finally {
			broker.close();
			FileSystemUtils.deleteRecursively(workDir.toFile());
		}
	}

	private static void createTopics(String bootstrap, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			List<NewTopic> topics = Topics.all().stream().map((Topic<?> topic) -> topic.toNewTopic(partitions, 1)).toList();
			admin.createTopics(topics).all().get();
		}
	}

	private static double preload(String bootstrap, int brands, int days) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		Random random = new Random(1);
		LocalDate first = LocalDate.parse("2025-01-01");
		Instant received = Instant.parse("2026-01-01T00:00:00Z");
		long start = System.nanoTime();
		try (KafkaProducer<String, ObservationRecorded> producer = new KafkaProducer<>(config, new StringSerializer(),
				Topics.OBSERVATIONS.valueSerde().serializer())) {
			// day by day, as exporters backfill, so every brand is dirtied throughout the backlog
			for (int day = 0; day < days; day++) {
				for (int b = 0; b < brands; b++) {
					String brand = "brand-" + b;
					for (String metric : METRICS) {
						double value = switch (metric) {
							case "followers" -> 10_000 + b * 10 + day * (5 + b % 7);
							case "likes" -> 300 + random.nextInt(200);
							case "sales_revenue" -> 1_000 + random.nextInt(500);
							default -> 20 + random.nextInt(10);
						};
						producer.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), brand, new ObservationRecorded(
								brand, metric, "all", first.plusDays(day), value, received, "benchmark")));
					}
				}
			}
			producer.flush();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static <V> Rate consume(String bootstrap, Deserializer<V> values) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.OBSERVATIONS.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long total = end.values().stream().mapToLong(Long::longValue).sum();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long start = System.nanoTime();
			long read = 0;
			long checksum = 0;
			while (read < total) {
				for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
					read++;
					checksum += (record.value() != null) ? 1 : 0;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (checksum != total) {
				throw new IllegalStateException("Read " + checksum + " values of " + total);
			}
			return new Rate(read, seconds);
		}
	}

	private static ScoringRun score(String bootstrap, Path stateDir, int threads) throws Exception {
		String applicationId = "scoring-benchmark-" + UUID.randomUUID();
		StreamsBuilder builder = new StreamsBuilder();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ScoringProperties service = ServiceDefaults.scoring();
		ScoringTopology.build(builder, MetricCatalog.defaults(), service.rules(),
				new ScoringTopology.Schedule(service.recomputeQuietPeriod(),
						Duration.ofMillis(Long.getLong("bench.recompute-ms", service.recomputeInterval().toMillis())),
						Duration.ofMillis(
								Long.getLong("bench.max-recompute-delay-ms", service.maxRecomputeDelay().toMillis()))),
				Integer.getInteger("bench.cached-brands", service.cachedBrands()), new ScoringMetrics(registry));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
				Integer.getInteger("bench.commit-ms", ServiceDefaults.commitIntervalMs()));
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.getLong("bench.cache-bytes", 10L << 20));
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
				Integer.getInteger("bench.max-poll-records", 1000));
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

		Map<TopicPartition, Long> end;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			end = endOffsets(bootstrap);
			long total = end.values().stream().mapToLong(Long::longValue).sum();
			AtomicLong runningSince = new AtomicLong();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
				streams.setStateListener((now, before) -> {
					if (now == KafkaStreams.State.RUNNING) {
						runningSince.compareAndSet(0, System.nanoTime());
					}
				});
				streams.setUncaughtExceptionHandler((exception) -> {
					failure.set(exception);
					return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
				});
				long started = System.nanoTime();
				streams.start();
				while (!committedAll(admin, applicationId, end)) {
					if (failure.get() != null) {
						throw new IllegalStateException("Scoring failed", failure.get());
					}
					Thread.sleep(50);
				}
				long done = System.nanoTime();
				double fromStart = (done - started) / 1e9;
				double fromRunning = (done - runningSince.get()) / 1e9;
				System.out.printf(Locale.ROOT,
						"Scoring committed all %,d offsets %.2f s after start (%.2f s after reaching RUNNING); "
								+ "%,.0f observations processed, %,.0f scorecards emitted so far%n",
						total, fromStart, fromRunning,
						registry.get("brandsignal.scoring.observations.processed").counter().count(),
						registry.get("brandsignal.scoring.scorecards.emitted").counter().count());
				ReadOnlyKeyValueStore<String, String> dirty = streams.store(StoreQueryParameters
					.fromNameAndType(ScoringTopology.DIRTY_BRANDS_STORE, QueryableStoreTypes.keyValueStore()));
				long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
				while (hasEntries(dirty)) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("Brands still unscored two minutes after the backlog");
					}
					Thread.sleep(50);
				}
				double scored = (System.nanoTime() - runningSince.get()) / 1e9;
				System.out.printf(Locale.ROOT,
						"Every brand scored on its complete data %.2f s after reaching RUNNING (%,.0f scorecards)%n",
						scored, registry.get("brandsignal.scoring.scorecards.emitted").counter().count());
				return new ScoringRun(new Rate(total, fromRunning), new Rate(total, scored));
			}
		}
	}

	/** Whether a store has any entry (RocksDB's count estimate still counts deleted keys). */
	private static boolean hasEntries(ReadOnlyKeyValueStore<String, String> store) {
		try (var all = store.all()) {
			return all.hasNext();
		}
	}

	private static Map<TopicPartition, Long> endOffsets(String bootstrap) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.OBSERVATIONS.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions);
		}
	}

	private static boolean committedAll(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			OffsetAndMetadata offset = committed.get(partition.getKey());
			if (offset == null || offset.offset() < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private static Rate faster(Rate first, Rate second) {
		return (first.perSecond() >= second.perSecond()) ? first : second;
	}

	/**
	 * One scoring run: the backlog processed (every offset committed), and scored (every brand's
	 * scorecard on its complete data out, which waits for the recompute schedule).
	 */
	private record ScoringRun(Rate processed, Rate scored) {

		ScoringRun faster(ScoringRun other) {
			return (this.processed.perSecond() >= other.processed.perSecond()) ? this : other;
		}

	}

	private record Rate(long records, double seconds) {

		double perSecond() {
			return this.records / this.seconds;
		}

	}

}
