package io.brandsignal.systemtests.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.brandsignal.launcher.ExtraInstances;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.launcher.LocalStackSettings;
import io.brandsignal.systemtests.SystemTestStack;
import io.brandsignal.systemtests.scaleout.LiveStream;
import io.brandsignal.systemtests.scaleout.ScoringGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.springframework.util.FileSystemUtils;

/**
 * The soak run of issue 13 (not part of {@code mvn verify}; docs/operations.md, "Soak"): the whole stack as
 * the launcher runs it, under a steady load of observations (mixed metrics, upserts over a fixed set of
 * cells) with dashboard readers polling the API and holding live streams open, for a configurable time
 * ({@link SoakSettings}). It samples every service's heap after a forced full GC and every process's memory,
 * measures end-to-end latency with probe observations (post to the change arriving on a live stream),
 * counts errors and dead letters, and finally lets a second scoring-service with an empty state directory
 * join to time the hand-over of partitions for the state the run built. Prints a report and
 * {@code BENCHMARK|...} lines.
 */
public final class SoakCommand {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final List<String> METRICS = List.of("followers", "likes", "sales_revenue", "orders");

	private static final int PROBE_BRANDS = 4;

	private static final LocalDate PROBE_START = LocalDate.of(2020, 1, 1);

	private static final Pattern BRAND = Pattern.compile("\"brand\":\"([^\"]+)\"");

	private static final Pattern DATE = Pattern.compile("\"date\":\"([^\"]+)\"");

	private static final Pattern AS_OF = Pattern.compile("\"asOf\":\"([^\"]+)\"");

	private static final List<String> SERVICES = List.of("ingest-service", "scoring-service", "dashboard-service");

	private final SoakSettings settings;

	private final LocalStack stack;

	private final Path data;

	private final AtomicLong acknowledged = new AtomicLong();

	private final AtomicLong notSentOnTime = new AtomicLong();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	private final AtomicLong reads = new AtomicLong();

	private final ConcurrentLinkedQueue<Double> readMillis = new ConcurrentLinkedQueue<>();

	private final AtomicLong streamEvents = new AtomicLong();

	private final AtomicLong streamDrops = new AtomicLong();

	/** Probe posts waiting for their change, by brand and day: nanoTime of the post. */
	private final Map<String, Long> pendingRollups = new ConcurrentHashMap<>();

	private final Map<String, Long> pendingScorecards = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Double> rollupLatencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Double> scorecardLatencies = new ConcurrentLinkedQueue<>();

	private final Map<String, List<double[]>> heapSamples = new LinkedHashMap<>();

	private final Map<String, Double> peakMemory = new LinkedHashMap<>();

	private final Map<String, Double> peakLag = new LinkedHashMap<>();

	private SoakCommand(SoakSettings settings, LocalStack stack, Path data) {
		this.settings = settings;
		this.stack = stack;
		this.data = data;
	}

	public static void main(String[] args) throws Exception {
		SoakSettings settings = SoakSettings.fromSystemProperties();
		System.out.println("Soak: " + settings);
		Path data = Files.createTempDirectory("brandsignal-soak");
		Map<String, List<String>> extra = Map.of("dashboard-service", readerArguments(settings));
		LocalStack stack = LocalStack.start(
				LocalStackSettings.ephemeral(data, SystemTestStack.servicesDirectory(), SystemTestStack.CREDENTIALS),
				extra, (line) -> System.out.println("[soak stack] " + line));
		int exit;
		try {
			exit = new SoakCommand(settings, stack, data).run() ? 0 : 1;
		}
		finally {
			stack.close();
			FileSystemUtils.deleteRecursively(data.toFile());
		}
		System.exit(exit);
	}

	/** One read key per reader and one for the probes, each its own caller for the stream and rate limits. */
	private static List<String> readerArguments(SoakSettings settings) {
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i <= settings.readers(); i++) {
			String key = "--brandsignal.dashboard.read-keys[" + (i + 1) + "].";
			arguments.add(key + "name=soak-reader-" + i);
			arguments.add(key + "sha256=" + sha256Hex(readKey(i)));
			arguments.add(key + "brands=*");
		}
		// the streams stay open for the whole run rather than ending at the default 10 minutes
		arguments.add("--brandsignal.dashboard.stream.timeout=" + settings.duration().plusMinutes(10));
		return arguments;
	}

	private static String readKey(int reader) {
		return "soak-read-key-" + reader;
	}

	private boolean run() throws Exception {
		// readers' streams count what they receive; the last one, the probes', times their changes
		List<LiveStream> streams = new ArrayList<>();
		for (int i = 0; i <= this.settings.readers(); i++) {
			streams.add(openStream(i));
		}
		Map<String, ProcessHandle> processes = processes();
		ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
		// a stream the dashboard drops (it fell behind) is opened again, as a browser's EventSource does
		load.scheduleWithFixedDelay(() -> {
			for (int i = 0; i < streams.size(); i++) {
				if (!streams.get(i).isOpen()) {
					try {
						streams.set(i, openStream(i));
						this.streamDrops.incrementAndGet();
					}
					catch (RuntimeException ex) {
						// tried again in a second; an exception here would end this task for good
						error("stream reopen " + ex.getCause());
					}
				}
			}
		}, 1, 1, TimeUnit.SECONDS);
		Semaphore inFlight = new Semaphore(16);
		long start = System.nanoTime();
		int batchesPerSecond = 10;
		int batchSize = Math.max(1, this.settings.rate() / batchesPerSecond);
		load.scheduleAtFixedRate(() -> postBatch(batchSize, inFlight), 0, 1000 / batchesPerSecond, TimeUnit.MILLISECONDS);
		AtomicLong probes = new AtomicLong();
		load.scheduleAtFixedRate(() -> probe(probes.getAndIncrement()), 500, 1000, TimeUnit.MILLISECONDS);
		List<Thread> readers = new ArrayList<>();
		long end = start + this.settings.duration().toNanos();
		for (int i = 0; i < this.settings.readers(); i++) {
			String key = readKey(i);
			Thread reader = new Thread(() -> read(key, end), "soak-reader-" + i);
			reader.setDaemon(true);
			reader.start();
			readers.add(reader);
		}
		while (System.nanoTime() < end) {
			sample(processes, (System.nanoTime() - start) / 60e9);
			long next = Math.min(end, System.nanoTime() + this.settings.sampleInterval().toNanos());
			TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
		}
		load.shutdown();
		load.awaitTermination(30, TimeUnit.SECONDS);
		inFlight.acquire(16);
		for (Thread reader : readers) {
			reader.join(10_000);
		}
		// the last probes' changes still on their way
		long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((!this.pendingScorecards.isEmpty() || !this.pendingRollups.isEmpty()) && System.nanoTime() < drained) {
			TimeUnit.MILLISECONDS.sleep(200);
		}
		sample(processes, (System.nanoTime() - start) / 60e9);
		streams.forEach(LiveStream::close);
		return report(probes.get());
	}

	private LiveStream openStream(int index) {
		String authorization = "Bearer " + readKey(index);
		return (index == this.settings.readers()) ? LiveStream.open(this.stack.dashboardUrl(), authorization, this::onProbeEvent)
				: LiveStream.open(this.stack.dashboardUrl(), authorization, (line) -> this.streamEvents.incrementAndGet());
	}

	private Map<String, ProcessHandle> processes() {
		Map<String, ProcessHandle> processes = new LinkedHashMap<>();
		for (String service : SERVICES) {
			processes.put(service, ProcessMemory.service(service, this.stack.kafkaBootstrapServers())
				.orElseThrow(() -> new IllegalStateException("No process found for " + service)));
		}
		return processes;
	}

	private URI urlOf(String service) {
		return switch (service) {
			case "ingest-service" -> this.stack.ingestUrl();
			case "scoring-service" -> this.stack.scoringUrl();
			default -> this.stack.dashboardUrl();
		};
	}

	private void sample(Map<String, ProcessHandle> processes, double minute) {
		StringJoiner line = new StringJoiner("  ", String.format(Locale.ROOT, "[soak %5.1f min] ", minute), "");
		for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
			double heap = ProcessMemory.heapAfterGcMib(process.getValue(), urlOf(process.getKey()));
			double rss = ProcessMemory.rssMib(process.getValue());
			this.heapSamples.computeIfAbsent(process.getKey(), (name) -> new ArrayList<>()).add(new double[] { minute, heap });
			this.peakMemory.merge(process.getKey() + " RSS", rss, Math::max);
			// how far the service's consumers trail the topics (ingest consumes none)
			double lag = ProcessMemory.values(urlOf(process.getKey()), "kafka_consumer_fetch_manager_records_lag_max{", "")
				.filter(Double::isFinite)
				.max()
				.orElse(0);
			this.peakLag.merge(process.getKey(), lag, Math::max);
			line.add(String.format(Locale.ROOT, "%s heap-after-GC %.0f MiB RSS %.0f MiB lag %.0f", process.getKey(), heap,
					rss, lag));
		}
		Runtime runtime = Runtime.getRuntime();
		double soakJvm = ProcessMemory.rssMib(ProcessHandle.current());
		this.peakMemory.merge("broker+load JVM RSS", soakJvm, Math::max);
		Set<ProcessHandle> postgres = ProcessMemory.withDescendants(this.data.resolve("postgres"));
		double postgresPss = postgres.stream().mapToDouble(ProcessMemory::pssMib).sum();
		this.peakMemory.merge("PostgreSQL PSS (all processes)", postgresPss, Math::max);
		line.add(String.format(Locale.ROOT, "broker+load JVM RSS %.0f MiB (heap used %.0f MiB)  PostgreSQL PSS %.0f MiB (%d processes)",
				soakJvm, (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, postgresPss, postgres.size()));
		line.add(String.format(Locale.ROOT, "acked %d, errors %s, reads %d, stream events %d, stream drops %d",
				this.acknowledged.get(), this.errors, this.reads.get(), this.streamEvents.get(), this.streamDrops.get()));
		System.out.println(line);
	}

	private void postBatch(int size, Semaphore inFlight) {
		if (!inFlight.tryAcquire()) {
			this.notSentOnTime.addAndGet(size);
			return;
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringJoiner items = new StringJoiner(",", "{\"observations\":[", "]}");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int i = 0; i < size; i++) {
			String metric = METRICS.get(random.nextInt(METRICS.size()));
			items.add(String.format(Locale.ROOT,
					"{\"brand\":\"soak-brand-%d\",\"metric\":\"%s\",\"date\":\"%s\",\"value\":%d}",
					random.nextInt(this.settings.brands()), metric,
					today.minusDays(1 + random.nextInt(this.settings.days())), 100 + random.nextInt(10_000)));
		}
		http.sendAsync(ingest(items.toString()), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			inFlight.release();
			if (failure != null) {
				error("ingest " + failure.getClass().getSimpleName());
			}
			else if (response.statusCode() == 202) {
				this.acknowledged.addAndGet(size);
			}
			else {
				error("ingest " + response.statusCode());
			}
		});
	}

	/** One observation on a day of a probe brand no load touches, timed until its change reaches a live stream. */
	private void probe(long index) {
		String brand = "soak-probe-" + (index % PROBE_BRANDS);
		LocalDate day = PROBE_START.plusDays(index / PROBE_BRANDS);
		String body = String.format(Locale.ROOT,
				"{\"observations\":[{\"brand\":\"%s\",\"metric\":\"sales_revenue\",\"date\":\"%s\",\"value\":%d}]}",
				brand, day, 100 + index);
		long sent = System.nanoTime();
		this.pendingRollups.put(brand + "|" + day, sent);
		this.pendingScorecards.put(brand + "|" + day, sent);
		try {
			HttpResponse<Void> response = http.send(ingest(body), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 202) {
				error("probe " + response.statusCode());
				this.pendingRollups.remove(brand + "|" + day);
				this.pendingScorecards.remove(brand + "|" + day);
			}
		}
		catch (IOException | InterruptedException ex) {
			error("probe " + ex.getClass().getSimpleName());
		}
	}

	private void onProbeEvent(String data) {
		long now = System.nanoTime();
		Matcher brand = BRAND.matcher(data);
		if (!brand.find() || !brand.group(1).startsWith("soak-probe-")) {
			return;
		}
		Matcher date = DATE.matcher(data);
		if (date.find()) {
			Long sent = this.pendingRollups.remove(brand.group(1) + "|" + date.group(1));
			if (sent != null) {
				this.rollupLatencies.add((now - sent) / 1e6);
			}
		}
		Matcher asOf = AS_OF.matcher(data);
		if (asOf.find()) {
			// a scorecard as of a day covers every probe of that brand up to that day
			LocalDate scoredTo = LocalDate.parse(asOf.group(1));
			this.pendingScorecards.entrySet().removeIf((pending) -> {
				String[] key = pending.getKey().split("\\|");
				if (key[0].equals(brand.group(1)) && !LocalDate.parse(key[1]).isAfter(scoredTo)) {
					this.scorecardLatencies.add((now - pending.getValue()) / 1e6);
					return true;
				}
				return false;
			});
		}
	}

	/** A reader: the brand list, a brand's scorecard or its series, about twice a second. */
	private void read(String key, long end) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (System.nanoTime() < end) {
			String brand = "soak-brand-" + random.nextInt(this.settings.brands());
			String path = switch (random.nextInt(3)) {
				case 0 -> "/api/v1/brands";
				case 1 -> "/api/v1/brands/" + brand + "/scorecard";
				default -> "/api/v1/brands/" + brand + "/series";
			};
			long started = System.nanoTime();
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(this.stack.dashboardUrl().resolve(path))
					.header("Authorization", "Bearer " + key)
					.header("Accept", "application/json")
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.discarding());
				this.reads.incrementAndGet();
				this.readMillis.add((System.nanoTime() - started) / 1e6);
				// 404: a brand not scored yet in the first seconds; anything else but 200 is an error
				if (response.statusCode() != 200 && response.statusCode() != 404) {
					error("read " + response.statusCode());
				}
				Thread.sleep(500);
			}
			catch (IOException ex) {
				error("read " + ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpRequest ingest(String json) {
		return HttpRequest.newBuilder(this.stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.apiKey())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private void error(String kind) {
		this.errors.computeIfAbsent(kind, (name) -> new AtomicLong()).incrementAndGet();
	}

	private boolean report(long probes)
			throws Exception {
		Figures figures = new Figures();
		double rate = this.acknowledged.get() / (double) this.settings.duration().toSeconds();
		figures.add("soak observations acknowledged per second", rate, "obs/s", ">= " + this.settings.rate() * 0.95,
				rate >= this.settings.rate() * 0.95);
		figures.add("soak duration", this.settings.duration().toSeconds() / 60.0, "min", "-", true);
		long errorCount = this.errors.values().stream().mapToLong(AtomicLong::get).sum();
		figures.add("soak errors", errorCount, "count", "0", errorCount == 0);
		long deadLetters = 0;
		for (String service : SERVICES) {
			deadLetters += (long) ProcessMemory.sumOf(urlOf(service), "brandsignal_deadletter_records_total", "");
		}
		figures.add("soak dead letters", deadLetters, "count", "0", deadLetters == 0);
		figures.add("soak live streams open", this.settings.readers() + 1, "count", "-", true);
		figures.add("soak live stream events received", this.streamEvents.get(), "count", "-", true);
		figures.add("soak live streams dropped by the dashboard and reopened", this.streamDrops.get(), "count", "0",
				this.streamDrops.get() == 0);
		List<Double> scorecards = new ArrayList<>(this.scorecardLatencies);
		List<Double> rollups = new ArrayList<>(this.rollupLatencies);
		figures.add("soak probes answered (scorecard)", scorecards.size(), "count", "= " + probes, scorecards.size() == probes);
		figures.add("soak end-to-end latency to scorecard p50", Figures.percentile(scorecards, 50), "ms", "-", true);
		figures.add("soak end-to-end latency to scorecard p99", Figures.percentile(scorecards, 99), "ms", "< 5000",
				Figures.percentile(scorecards, 99) < 5000);
		figures.add("soak end-to-end latency to daily values p50", Figures.percentile(rollups, 50), "ms", "-", true);
		figures.add("soak end-to-end latency to daily values p99", Figures.percentile(rollups, 99), "ms", "< 5000",
				Figures.percentile(rollups, 99) < 5000);
		List<Double> readTimes = new ArrayList<>(this.readMillis);
		figures.add("soak dashboard read p99", Figures.percentile(readTimes, 99), "ms", "-", true);
		for (Map.Entry<String, List<double[]>> service : this.heapSamples.entrySet()) {
			// the first minute is warm-up (caches filling, classes loading): the trend is judged after it
			List<double[]> settled = service.getValue().stream().filter((point) -> point[0] >= 1).toList();
			double slope = Figures.slope(settled.isEmpty() ? service.getValue() : settled);
			double last = service.getValue().get(service.getValue().size() - 1)[1];
			figures.add(service.getKey() + " heap after GC at end", last, "MiB", "-", true);
			figures.add(service.getKey() + " heap after GC trend", slope, "MiB/min", "< 1 (no upward trend)", slope < 1);
		}
		this.peakLag.forEach((service, lag) -> figures.add(service + " peak consumer lag", lag, "records", "-", true));
		for (Map.Entry<String, Double> memory : this.peakMemory.entrySet()) {
			figures.add("peak " + memory.getKey(), memory.getValue(), "MiB", "-", true);
		}
		System.out.println();
		System.out.println("Heap after GC samples (minute: MiB):");
		this.heapSamples.forEach((service, samples) -> {
			StringJoiner row = new StringJoiner(", ", service + ": ", "");
			samples.forEach((point) -> row.add(String.format(Locale.ROOT, "%.1f: %.0f", point[0], point[1])));
			System.out.println(row);
		});
		System.out.println("Errors: " + this.errors + "; observations not sent on schedule (client at its in-flight cap): "
				+ this.notSentOnTime.get());
		if (this.settings.scaleOut()) {
			try {
				measureScaleOut(figures);
			}
			catch (Exception ex) {
				// the soak's own figures still count; say why the scale-out ones are missing
				System.out.println("Scale-out measurement failed: " + ex);
				ex.printStackTrace(System.out);
			}
		}
		System.out.println();
		figures.print();
		return errorCount == 0 && deadLetters == 0;
	}

	/**
	 * The state the run left behind (changelog records and bytes), then a second scoring-service with an
	 * empty state directory: how long until it runs and holds observation partitions, warm-up and the next
	 * probing rebalance included.
	 */
	private void measureScaleOut(Figures figures) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrapServers()));
				ScoringGroup group = new ScoringGroup(this.stack.kafkaBootstrapServers())) {
			Set<String> changelogs = admin.listTopics().names().get().stream()
				.filter((topic) -> topic.startsWith(ScoringGroup.GROUP) && topic.endsWith("-changelog"))
				.collect(Collectors.toSet());
			Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
			admin.describeTopics(changelogs).allTopicNames().get().forEach((topic, description) -> description.partitions()
				.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
			long records = admin.listOffsets(latest).all().get().values().stream().mapToLong((offset) -> offset.offset()).sum();
			List<Integer> brokers = admin.describeCluster().nodes().get().stream().map((node) -> node.id()).toList();
			long bytes = admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
				.flatMap((dirs) -> dirs.values().stream())
				.flatMap((dir) -> dir.replicaInfos().entrySet().stream())
				.filter((replica) -> changelogs.contains(replica.getKey().topic()))
				.mapToLong((replica) -> replica.getValue().size())
				.sum();
			figures.add("scoring state: changelog records (offsets)", records, "records", "-", true);
			figures.add("scoring state: changelog size on the broker", bytes / 1048576.0, "MiB", "-", true);
			long started = System.nanoTime();
			try (ExtraInstances.Instance second = ExtraInstances.scoring(this.stack, "soak-scoring-b",
					this.data.resolve("scoring-state-b"), List.of())) {
				second.awaitReady();
				double ready = (System.nanoTime() - started) / 1e9;
				double holding = -1;
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
				while (System.nanoTime() < deadline) {
					Set<Integer> partitions = group.observationPartitionsByMember().entrySet().stream()
						.filter((member) -> member.getKey().startsWith("soak-scoring-b"))
						.flatMap((member) -> member.getValue().stream())
						.collect(Collectors.toSet());
					if (!partitions.isEmpty()) {
						holding = (System.nanoTime() - started) / 1e9;
						System.out.println("Second scoring instance holds observation partitions " + partitions);
						break;
					}
					TimeUnit.MILLISECONDS.sleep(500);
				}
				figures.add("second scoring instance ready (empty state dir)", ready, "s", "-", true);
				figures.add("second scoring instance holds partitions (empty state dir)", holding, "s", "< 120", holding >= 0 && holding < 120);
				restoreFigures(this.data.resolve("logs").resolve("soak-scoring-b.log"), figures);
			}
		}
	}

	/** The second instance's restores and standby catch-ups, from the lines {@code RestoreLog} writes. */
	private static void restoreFigures(Path log, Figures figures) throws IOException {
		Pattern line = Pattern.compile("(Restored store|Standby copy of store) \\S+ from \\S+:? (caught up: )?(\\d+) records in (\\d+) ms");
		long[] records = new long[2];
		long[] longest = new long[2];
		int[] partitions = new int[2];
		for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			Matcher matcher = line.matcher(text);
			if (matcher.find()) {
				int kind = matcher.group(1).startsWith("Restored") ? 0 : 1;
				partitions[kind]++;
				records[kind] += Long.parseLong(matcher.group(3));
				longest[kind] = Math.max(longest[kind], Long.parseLong(matcher.group(4)));
			}
		}
		String[] names = { "active restore", "standby catch-up" };
		for (int kind = 0; kind < 2; kind++) {
			figures.add("second scoring instance " + names[kind] + ": store partitions", partitions[kind], "count", "-", true);
			figures.add("second scoring instance " + names[kind] + ": records", records[kind], "records", "-", true);
			figures.add("second scoring instance " + names[kind] + ": longest", longest[kind] / 1000.0, "s", "-", true);
		}
	}

	private static String sha256Hex(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
