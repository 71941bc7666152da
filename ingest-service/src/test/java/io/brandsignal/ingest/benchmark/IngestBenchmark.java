package io.brandsignal.ingest.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.IngestApplication;
import io.brandsignal.ingest.observation.kafka.KafkaObservationPublisher;
import io.brandsignal.ingest.observation.kafka.PublisherProperties;
import io.brandsignal.localinfra.KraftBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Throughput of ingest-service against a raw Kafka producer, in one run on one in-process KRaft broker.
 * <ol>
 * <li><b>raw</b>: one {@link KafkaProducer} with the very settings ingest uses (transactional, idempotent,
 * {@code acks=all}, same timeouts and linger), sending the same {@link ObservationRecorded} records
 * (same serializer, same field lengths) in transactions of 500, one after another;</li>
 * <li><b>raw x4</b>: the same with four producers on four threads, for comparison with ingest's four
 * publishers;</li>
 * <li><b>ingest</b>: the service started in process, receiving JSON batches of 500 over HTTP from 4
 * concurrent clients; every batch is validated, published in one transaction and answered 202.</li>
 * </ol>
 * Prints records per second of each and the ratio ingest / raw. Not a test: run it with the command in
 * {@code ingest-service/BENCHMARK.md}. System properties: {@code benchmark.batches} (batches of 500 per
 * measurement, default 200), {@code benchmark.warmup} (default 40), {@code benchmark.clients} (default 4).
 */
public final class IngestBenchmark {

	private static final int BATCH = 500;

	private static final int BRANDS = 50;

	private static final String KEY = "benchmark-key";

	// printf %s benchmark-key | sha256sum
	private static final String KEY_SHA256 = "926f08afae1f31d412721b54c740579e48331b295778bd07a10b289474186411";

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int batches = Integer.getInteger("benchmark.batches", 200);
		int warmup = Integer.getInteger("benchmark.warmup", 40);
		int clients = Integer.getInteger("benchmark.clients", 4);
		Path data = Files.createTempDirectory("ingest-benchmark-kafka");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (KraftBroker broker = KraftBroker.start(data, 0, 0)) {
			String bootstrap = broker.bootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(Topics.OBSERVATIONS.toNewTopic(6, 1))).all().get();
			}
			PublisherProperties settings = new PublisherProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), clients,
					32, "benchmark", "raw");
			Map<String, Object> producerConfig = KafkaObservationPublisher
				.producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), settings);

			rawRecordsPerSecond(producerConfig, 1, warmup, today);
			double raw = rawRecordsPerSecond(producerConfig, 1, batches, today);
			double rawParallel = rawRecordsPerSecond(producerConfig, clients, batches, today);

			double ingest;
			try (ConfigurableApplicationContext app = startIngest(bootstrap, clients)) {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				List<String> bodies = jsonBodies(today);
				ingestRecordsPerSecond(port, bodies, clients, warmup);
				ingest = ingestRecordsPerSecond(port, bodies, clients, batches);
			}
			System.out.println();
			System.out.printf("records per measurement: %,d (%d batches of %d)%n", batches * BATCH, batches, BATCH);
			System.out.printf("raw producer, 1 producer      : %,12.0f records/s%n", raw);
			System.out.printf("raw producer, %d producers     : %,12.0f records/s%n", clients, rawParallel);
			System.out.printf("ingest-service, %d HTTP clients: %,12.0f records/s%n", clients, ingest);
			System.out.printf("ratio ingest / raw (1 producer)  : %.2f (target >= 0.5)%n", ingest / raw);
			System.out.printf("ratio ingest / raw (%d producers) : %.2f%n", clients, ingest / rawParallel);
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	/** Records per second of {@code producers} raw producers sending {@code batches} transactions of 500. */
	private static double rawRecordsPerSecond(Map<String, Object> config, int producers, int batches, LocalDate day)
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

	/** Records per second accepted by ingest from {@code clients} concurrent HTTP clients. */
	private static double ingestRecordsPerSecond(int port, List<String> bodies, int clients, int batches)
			throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(clients))
			.build();
		URI uri = URI.create("http://localhost:" + port + "/api/v1/observations");
		try {
			return recordsPerSecond(clients, batches, (worker, batch) -> {
				HttpRequest request = HttpRequest.newBuilder(uri)
					.header("Authorization", "Bearer " + KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(bodies.get(batch % bodies.size())))
					.build();
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 202) {
					throw new IllegalStateException("Ingest answered " + response.statusCode() + ": " + response.body());
				}
			});
		}
		finally {
			((ExecutorService) http.executor().orElseThrow()).shutdown();
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

	private static ConfigurableApplicationContext startIngest(String bootstrap, int producers) {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--brandsignal.ingest.api-keys[0].name=benchmark",
				"--brandsignal.ingest.api-keys[0].sha256=" + KEY_SHA256, "--brandsignal.ingest.api-keys[0].brands=*",
				"--brandsignal.ingest.rate-limit.enabled=false", "--brandsignal.ingest.publish.producers=" + producers,
				"--brandsignal.ingest.publish.instance-id=benchmark", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
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
