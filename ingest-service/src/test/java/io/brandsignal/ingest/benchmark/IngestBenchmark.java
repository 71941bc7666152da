package io.brandsignal.ingest.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.IngestApplication;
import io.brandsignal.ingest.observation.kafka.KafkaObservationPublisher;
import io.brandsignal.ingest.observation.kafka.PublisherProperties;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.tools.ProducerPerformance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * Throughput of ingest-service against the raw idempotent producer, in one run on one in-process KRaft broker.
 * <ol>
 * <li><b>baseline</b>: Kafka's own {@link ProducerPerformance} (the tool behind
 * {@code kafka-producer-perf-test.sh}) on a topic of its own with as many partitions as the observations
 * topic: async sends, no transactions, {@code acks=all}, idempotent, 150-byte records, {@code linger.ms=5},
 * {@code batch.size=65536};</li>
 * <li><b>transactional per batch</b> (what ingest did before group commit, for comparison): transactional
 * producers with ingest's settings sending the same {@link ObservationRecorded} records in one transaction
 * per 500, one at a time on 1 producer and on 4 producers;</li>
 * <li><b>ingest</b>: the service started in process (rate limit off), receiving JSON batches of 500 over
 * HTTP/1.1 from {@code wrk} with 16 keep-alive connections ({@link WrkLoad}, a separate native process, as issue
 * 14 measured it); every batch is validated, group-committed and answered 202 only after its transaction
 * committed.</li>
 * </ol>
 * Prints a human-readable summary and one {@code BENCHMARK|figure|value|unit|baseline|ratio|goal|met} line
 * per figure. Not a test: run it with the command in {@code ingest-service/BENCHMARK.md}. System properties:
 * {@code benchmark.seconds} (each ingest measurement, default 5: more records than the baseline's million),
 * {@code benchmark.warmup-seconds} (ingest's warm-up, default 20, while the JIT compiles Tomcat, Spring, Jackson
 * and Kafka paths; the baseline warms up with one run of its own size), {@code benchmark.clients} (concurrent
 * HTTP connections, default 16), {@code benchmark.rawRecords} (records the baseline sends, default 1,000,000),
 * {@code benchmark.rounds} (baseline and ingest take turns this many times and their medians are compared,
 * default 3), {@code benchmark.producers} (ingest's committers, default: ingest's own default),
 * {@code benchmark.ingest-args} (more {@code --name=value} settings for the ingest application, separated by
 * spaces).
 */
public final class IngestBenchmark {

	private static final int BATCH = 500;

	private static final int BRANDS = 50;

	private static final int PARTITIONS = 6;

	private static final int RECORD_SIZE = 150;

	private static final double GOAL_RATIO = 0.5;

	private static final String KEY = "benchmark-key";

	// printf %s benchmark-key | sha256sum
	private static final String KEY_SHA256 = "926f08afae1f31d412721b54c740579e48331b295778bd07a10b289474186411";

	private static final Pattern PERF_TOTAL = Pattern.compile("records sent, ([0-9.,]+) records/sec");

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration measured = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 5));
		Duration warmup = Duration.ofSeconds(Integer.getInteger("benchmark.warmup-seconds", 20));
		int clients = Integer.getInteger("benchmark.clients", 16);
		int rawRecords = Integer.getInteger("benchmark.rawRecords", 1_000_000);
		int rounds = Integer.getInteger("benchmark.rounds", 3);
		int transactionalBatches = 200;
		Path data = Files.createTempDirectory("ingest-benchmark-kafka");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (KraftBroker broker = KraftBroker.start(data, 0, 0)) {
			String bootstrap = broker.bootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(Topics.OBSERVATIONS.toNewTopic(PARTITIONS, 1),
						new NewTopic("benchmark-raw", PARTITIONS, (short) 1)))
					.all()
					.get();
			}
			// A longer bound than ingest's 5 s, so a busy machine slows this comparison figure down instead of failing it.
			PublisherProperties settings = new PublisherProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 4, 32,
					20_000, DataSize.ofMegabytes(4), "benchmark", "raw");
			Map<String, Object> producerConfig = KafkaObservationPublisher
				.producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), settings);
			transactionalRecordsPerSecond(producerConfig, 1, 40, today);
			double perBatch = transactionalRecordsPerSecond(producerConfig, 1, transactionalBatches, today);
			double perBatchParallel = transactionalRecordsPerSecond(producerConfig, 4, transactionalBatches, today);

			double[] raws = new double[rounds];
			double[] ingests = new double[rounds];
			double p99 = 0;
			long requests = 0;
			try (ConfigurableApplicationContext app = startIngest(bootstrap);
					WrkLoad load = new WrkLoad("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
							+ "/api/v1/observations", KEY, jsonBodies(today), clients)) {
				producerPerformance(bootstrap, rawRecords);
				load.run(warmup);
				// Baseline and ingest take turns, so a busy moment of a shared machine weighs on one round of
				// each rather than on one side of the comparison; the medians are compared.
				for (int round = 0; round < rounds; round++) {
					raws[round] = producerPerformance(bootstrap, rawRecords);
					WrkLoad.Result ingest = load.run(measured);
					ingests[round] = ingest.requestsPerSecond() * BATCH;
					requests += ingest.requests();
					// the worst round's p99: wrk keeps no latencies to merge across runs
					p99 = Math.max(p99, ingest.p99Micros() / 1e3);
					System.out.printf("round %d: ProducerPerformance %,.0f records/s, ingest %,.0f records/s, ratio %.2f%n",
							round + 1, raws[round], ingests[round], ingests[round] / raws[round]);
				}
				DistributionSummary grouped = app.getBean(MeterRegistry.class)
					.get("brandsignal.ingest.transaction.batches")
					.summary();
				System.out.printf("ingest transactions: %,d, batches per transaction: mean %.1f, max %.0f%n",
						grouped.count(), grouped.mean(), grouped.max());
				// Where a request's time goes: waiting for its transaction, or the rest (HTTP, JSON, validation).
				MeterRegistry meters = app.getBean(MeterRegistry.class);
				System.out.printf("ingest mean ms: transaction %.1f, request's wait for its commit %.1f, "
						+ "whole request on the server %.1f%n",
						meters.get("brandsignal.ingest.transaction").tag("outcome", "committed").timer()
							.mean(TimeUnit.MILLISECONDS),
						meters.get("brandsignal.ingest.publish").tag("outcome", "success").timer()
							.mean(TimeUnit.MILLISECONDS),
						meters.get("http.server.requests").tag("uri", "/api/v1/observations").timer()
							.mean(TimeUnit.MILLISECONDS));
			}
			double raw = median(raws);
			double ingest = median(ingests);
			System.out.println();
			System.out.printf("medians of %d rounds:%n", rounds);
			System.out.printf("baseline, ProducerPerformance (%,d records)    : %,12.0f records/s%n", rawRecords, raw);
			System.out.printf("transaction per batch of 500, 1 producer     : %,12.0f records/s%n", perBatch);
			System.out.printf("transaction per batch of 500, 4 producers    : %,12.0f records/s%n", perBatchParallel);
			System.out.printf("ingest-service, %d HTTP connections (%,d req) : %,12.0f records/s, p99 %.0f ms%n",
					clients, requests, ingest, p99);
			System.out.printf("ratio ingest / baseline: %.2f (goal >= %.1f)%n", ingest / raw, GOAL_RATIO);
			System.out.println();
			String producerPerformance = "Kafka ProducerPerformance (acks=all, idempotent, " + RECORD_SIZE
					+ " B, linger 5 ms, 64 KiB batches)";
			BenchmarkFigure.info("raw idempotent producer: " + producerPerformance, raw, "records/s").print();
			BenchmarkFigure.compared("raw transactional producer, one transaction per 500 records, 1 producer",
					perBatch, "records/s", raw).print();
			BenchmarkFigure.compared("raw transactional producer, one transaction per 500 records, 4 producers",
					perBatchParallel, "records/s", raw).print();
			BenchmarkFigure.ratio("ingest JSON batches of 500 over HTTP, " + clients + " connections, rate limit off",
					ingest, "records/s", raw, GOAL_RATIO).print();
			BenchmarkFigure.info("ingest request p99, JSON batches of 500, " + clients + " connections", p99, "ms")
				.print();
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	/**
	 * Records per second of Kafka's {@link ProducerPerformance}, run in this JVM with the arguments
	 * {@code kafka-producer-perf-test.sh} would get, read from the total line it prints.
	 */
	private static double producerPerformance(String bootstrap, int records) throws Exception {
		String[] arguments = { "--topic", "benchmark-raw", "--num-records", Integer.toString(records), "--record-size",
				Integer.toString(RECORD_SIZE), "--throughput", "-1", "--producer-props",
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + "=" + bootstrap, ProducerConfig.ACKS_CONFIG + "=all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG + "=true", ProducerConfig.LINGER_MS_CONFIG + "=5",
				ProducerConfig.BATCH_SIZE_CONFIG + "=65536" };
		PrintStream console = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(new TeeOutputStream(console, captured), true, StandardCharsets.UTF_8));
		try {
			ProducerPerformance.main(arguments);
		}
		finally {
			System.out.flush();
			System.setOut(console);
		}
		Matcher total = null;
		for (String line : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
			Matcher matcher = PERF_TOTAL.matcher(line);
			if (matcher.find()) {
				total = matcher;
			}
		}
		if (total == null) {
			throw new IllegalStateException("ProducerPerformance printed no total: " + captured);
		}
		return Double.parseDouble(total.group(1).replace(",", ""));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** Copies everything written to two streams. */
	private static final class TeeOutputStream extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		TeeOutputStream(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.first.write(bytes, offset, length);
			this.second.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.first.flush();
			this.second.flush();
		}

	}

	/** Records per second of {@code producers} transactional producers sending {@code batches} transactions of 500. */
	private static double transactionalRecordsPerSecond(Map<String, Object> config, int producers, int batches, LocalDate day)
			throws Exception {
		List<KafkaProducer<String, ObservationRecorded>> created = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			Map<String, Object> own = new HashMap<>(config);
			own.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "benchmark-raw-" + p);
			KafkaProducer<String, ObservationRecorded> producer = new KafkaProducer<>(own,
					Topics.OBSERVATIONS.keySerde().serializer(), Topics.OBSERVATIONS.valueSerde().serializer());
			producer.initTransactions();
			created.add(producer);
		}
		List<List<ObservationRecorded>> events = events(day);
		try {
			return recordsPerSecond(producers, batches, (worker, batch) -> {
				KafkaProducer<String, ObservationRecorded> producer = created.get(worker);
				producer.beginTransaction();
				for (ObservationRecorded event : events.get(batch % events.size())) {
					producer.send(new ProducerRecord<>(Topics.OBSERVATIONS.name(), event.brand(), event));
				}
				producer.commitTransaction();
			});
		}
		finally {
			created.forEach(KafkaProducer::close);
		}
	}

	/** Sends one batch of 500 records; {@code batch} numbers the batches of one measurement from 0. */
	@FunctionalInterface
	private interface BatchSender {

		void send(int worker, int batch) throws Exception;

	}

	/** Runs {@code batches} batches on {@code workers} threads, each worker taking every n-th batch. */
	private static double recordsPerSecond(int workers, int batches, BatchSender sender) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			long start = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				int worker = w;
				running.add(pool.submit(() -> {
					for (int batch = worker; batch < batches; batch += workers) {
						sender.send(worker, batch);
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
			return (double) batches * BATCH / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdown();
		}
	}

	private static ConfigurableApplicationContext startIngest(String bootstrap) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--brandsignal.ingest.api-keys[0].name=benchmark", "--brandsignal.ingest.api-keys[0].sha256=" + KEY_SHA256,
				"--brandsignal.ingest.api-keys[0].brands=*", "--brandsignal.ingest.rate-limit.enabled=false",
				"--brandsignal.ingest.publish.instance-id=benchmark", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		// Ingest's own default number of committers, unless the run asks for another.
		String producers = System.getProperty("benchmark.producers");
		if (producers != null) {
			arguments.add("--brandsignal.ingest.publish.producers=" + producers);
		}
		// Any other setting to try, e.g. -Dbenchmark.ingest-args="--spring.kafka.producer.properties.linger.ms=0"
		String more = System.getProperty("benchmark.ingest-args", "").trim();
		if (!more.isEmpty()) {
			arguments.addAll(List.of(more.split("\\s+")));
		}
		return new SpringApplicationBuilder(IngestApplication.class).run(arguments.toArray(String[]::new));
	}

	/** Ten different batches of 500, spread over {@value #BRANDS} brands. */
	private static List<List<ObservationRecorded>> events(LocalDate day) {
		Instant receivedAt = Instant.now();
		List<List<ObservationRecorded>> batches = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			List<ObservationRecorded> batch = new ArrayList<>(BATCH);
			for (int i = 0; i < BATCH; i++) {
				batch.add(new ObservationRecorded(brand(i), "followers", "instagram", day, 100_000 + b * BATCH + i,
						receivedAt, "benchmark"));
			}
			batches.add(batch);
		}
		return batches;
	}

	/** The same ten batches as JSON request bodies. */
	private static List<String> jsonBodies(LocalDate day) {
		List<String> bodies = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			StringBuilder json = new StringBuilder("{\"observations\":[");
			for (int i = 0; i < BATCH; i++) {
				json.append((i > 0) ? "," : "")
					.append("{\"brand\":\"")
					.append(brand(i))
					.append("\",\"metric\":\"followers\",\"channel\":\"instagram\",\"date\":\"")
					.append(day)
					.append("\",\"value\":")
					.append(100_000 + b * BATCH + i)
					.append('}');
			}
			bodies.add(json.append("]}").toString());
		}
		return bodies;
	}

	private static String brand(int i) {
		return "bench-" + (i % BRANDS);
	}

}
