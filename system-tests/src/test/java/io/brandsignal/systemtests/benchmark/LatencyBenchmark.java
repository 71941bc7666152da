package io.brandsignal.systemtests.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.brandsignal.launcher.Credentials;
import io.brandsignal.launcher.LocalStack;
import io.brandsignal.launcher.LocalStackSettings;
import io.brandsignal.systemtests.SystemTestStack;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end latency of the whole stack as the local launcher runs it (issue 14, part 2): while a
 * background load of single-day updates across many brands arrives over HTTP at a steady rate (1,000
 * observations/s unless {@code -Drate} says otherwise), single observations are posted for probe brands
 * of their own, and the time from sending each probe's POST until its scorecard is visible is measured
 * twice: by polling the dashboard's scorecard API every few milliseconds, and by the dashboard's live
 * stream (server-sent events) delivering the brand's {@code scorecard} event. A plain program, not a
 * test: see {@code system-tests/BENCHMARK.md}.
 */
public final class LatencyBenchmark {

	private static final Credentials CREDENTIALS = SystemTestStack.CREDENTIALS;

	/**
	 * A read key for the probe brands alone: its live stream carries their events only, as a browser on
	 * one brand's page would see, rather than every background brand's too.
	 */
	private static final Credentials PROBE_CREDENTIALS = new Credentials(CREDENTIALS.apiKey(), CREDENTIALS.demoUser(),
			CREDENTIALS.demoPassword(), "bsr_latency_probes");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8))
		.build();

	/** Brands the background load spreads over: with 1,000 of them at 1,000 observations/s each changes about once a second. */
	private static final int LOAD_BRANDS = Integer.getInteger("loadBrands", 1000);

	/** Background observations per second. */
	private static final int RATE = Integer.getInteger("rate", 1000);

	/** Load batches per second (the rate is split evenly over them). */
	private static final int BATCHES_PER_SECOND = 10;

	private static final int PROBES = Integer.getInteger("probes", 200);

	private static final Duration PROBE_PERIOD = Duration.ofMillis(Long.getLong("probePeriodMs", 300));

	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmUpSeconds", 20));

	private static final int WARM_UP_PROBES = (int) (WARM_UP.toMillis() / PROBE_PERIOD.toMillis());

	private static final Duration POLL_PERIOD = Duration.ofMillis(5);

	private static final Duration GIVE_UP = Duration.ofSeconds(30);

	private final LocalStack stack;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	private final AtomicLong loadSent = new AtomicLong();

	private final AtomicLong loadRejected = new AtomicLong();

	/** When each probe brand's scorecard event arrives on the live stream (nanoTime). */
	private final Map<String, CompletableFuture<Long>> streamed = new ConcurrentHashMap<>();

	private final AtomicLong unexpected = new AtomicLong();

	private final Queue<Double> visibleMillis = new ConcurrentLinkedQueue<>();

	private final Queue<Double> streamMillis = new ConcurrentLinkedQueue<>();

	private final Queue<Double> postMillis = new ConcurrentLinkedQueue<>();

	private LatencyBenchmark(LocalStack stack) {
		this.stack = stack;
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("brandsignal-latency-benchmark");
		Map<String, List<String>> arguments = Map.of("ingest-service",
				List.of("--brandsignal.ingest.rate-limit.enabled=false"), "dashboard-service",
				List.of("--brandsignal.dashboard.read-rate-limit.enabled=false",
						"--brandsignal.dashboard.read-keys[1].name=latency-probes",
						"--brandsignal.dashboard.read-keys[1].sha256=" + PROBE_CREDENTIALS.readKeySha256(),
						"--brandsignal.dashboard.read-keys[1].brands=" + String.join(",", probeBrands())));
		System.out.println("Starting the local stack...");
		try (LocalStack stack = LocalStack.start(
				LocalStackSettings.ephemeral(data, SystemTestStack.servicesDirectory(), CREDENTIALS), arguments,
				(line) -> System.out.println("  " + line))) {
			new LatencyBenchmark(stack).run();
		}
		finally {
			if (Boolean.getBoolean("keepData")) {
				System.out.println("Data and service logs kept in " + data);
			}
			else {
				FileSystemUtils.deleteRecursively(data.toFile());
			}
		}
		System.exit(0);
	}

	private void run() throws Exception {
		subscribeToLiveStream();
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
		long loadPeriodNanos = TimeUnit.SECONDS.toNanos(1) / BATCHES_PER_SECOND;
		scheduler.scheduleAtFixedRate(this::sendLoadBatch, 0, loadPeriodNanos, TimeUnit.NANOSECONDS);
		System.out.printf(Locale.ROOT, "Background load: %d observations/s over %d brands; warming up for %d s...%n",
				RATE, LOAD_BRANDS, WARM_UP.toSeconds());
		probe(scheduler, 0, WARM_UP_PROBES, false);
		this.visibleMillis.clear();
		this.streamMillis.clear();
		this.postMillis.clear();
		long loadBefore = this.loadSent.get();
		long start = System.nanoTime();
		System.out.printf(Locale.ROOT, "Measuring %d probes, one every %d ms...%n", PROBES, PROBE_PERIOD.toMillis());
		int missed = probe(scheduler, WARM_UP_PROBES, PROBES, true);
		double seconds = (System.nanoTime() - start) / 1e9;
		double loadRate = (this.loadSent.get() - loadBefore) / seconds;
		scheduler.shutdownNow();
		report(loadRate, missed);
	}

	/** A brand of its own for each probe, warm-up ones first. */
	private static List<String> probeBrands() {
		return IntStream.range(0, WARM_UP_PROBES + PROBES).mapToObj((i) -> "probe-" + i).toList();
	}

	/**
	 * Posts {@code count} probes from the {@code first} probe brand on, one per probe period, and waits
	 * for each to become visible in the API and on the live stream.
	 * @return how many probes never became visible within the time allowed
	 */
	private int probe(ScheduledExecutorService scheduler, int first, int count, boolean log)
			throws InterruptedException {
		List<CompletableFuture<Boolean>> probes = new ArrayList<>();
		List<String> brands = probeBrands();
		for (int i = first; i < first + count; i++) {
			probes.add(probeOne(scheduler, brands.get(i)));
			Thread.sleep(PROBE_PERIOD.toMillis());
		}
		int missed = 0;
		for (CompletableFuture<Boolean> probe : probes) {
			if (!probe.join()) {
				missed++;
			}
		}
		if (log) {
			System.out.printf(Locale.ROOT, "%d probes done, %d not visible within %d s%n", count, missed,
					GIVE_UP.toSeconds());
		}
		return missed;
	}

	private CompletableFuture<Boolean> probeOne(ScheduledExecutorService scheduler, String brand) {
		String body = "{\"observations\":[" + observation(brand, 1000) + "]}";
		CompletableFuture<Long> streamedAt = streamed(brand);
		long sent = System.nanoTime();
		CompletableFuture<Boolean> visible = new CompletableFuture<>();
		http.sendAsync(post(body), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure != null || response.statusCode() != 202) {
				System.out.println("Probe " + brand + " not accepted: "
						+ ((failure != null) ? failure : response.statusCode() + " " + response.body()));
				visible.complete(false);
				return;
			}
			this.postMillis.add(millisSince(sent));
			pollScorecard(scheduler, brand, sent, visible);
		});
		CompletableFuture<Boolean> delivered = streamedAt.orTimeout(GIVE_UP.toSeconds(), TimeUnit.SECONDS)
			.thenApply((at) -> {
				this.streamMillis.add((at - sent) / 1e6);
				return true;
			})
			.exceptionally((timedOut) -> false);
		return visible.thenCombine(delivered, Boolean::logicalAnd);
	}

	private void pollScorecard(ScheduledExecutorService scheduler, String brand, long sent,
			CompletableFuture<Boolean> visible) {
		HttpRequest request = HttpRequest
			.newBuilder(this.stack.dashboardUrl().resolve("/api/v1/brands/" + brand + "/scorecard"))
			.header("Authorization", "Bearer " + CREDENTIALS.readKey())
			.header("Accept", "application/json")
			.build();
		http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure == null && response.statusCode() == 200) {
				this.visibleMillis.add(millisSince(sent));
				visible.complete(true);
				return;
			}
			if (failure == null && response.statusCode() != 404 && this.unexpected.getAndIncrement() < 5) {
				System.out.println("Scorecard of " + brand + ": " + response.statusCode() + " " + response.body());
			}
			if (System.nanoTime() - sent > GIVE_UP.toNanos()) {
				visible.complete(false);
			}
			else {
				// every 5 ms at first, then a twentieth of the time waited so far: probes that wait long
				// must not flood the dashboard with polls and slow down what they measure
				long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
				scheduler.schedule(() -> pollScorecard(scheduler, brand, sent, visible),
						Math.max(POLL_PERIOD.toMillis(), waited / 20), TimeUnit.MILLISECONDS);
			}
		});
	}

	/** Completes with the time (nanoTime) the brand's scorecard event arrives on the live stream. */
	private CompletableFuture<Long> streamed(String brand) {
		return this.streamed.computeIfAbsent(brand, (key) -> new CompletableFuture<>());
	}

	/** Reads the live stream on a thread of its own, noting when each probe brand's scorecard event arrives. */
	private void subscribeToLiveStream() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.stack.dashboardUrl().resolve("/api/v1/stream"))
			.header("Authorization", "Bearer " + PROBE_CREDENTIALS.readKey())
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Live stream refused: " + response.statusCode());
		}
		Thread reader = new Thread(() -> readLiveStream(response.body()), "live-stream");
		reader.setDaemon(true);
		reader.start();
	}

	private void readLiveStream(InputStream stream) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String event = "";
			String line;
			while ((line = lines.readLine()) != null) {
				long at = System.nanoTime();
				if (line.startsWith("event:")) {
					event = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:") && "scorecard".equals(event)) {
					String brand = json.readTree(line.substring("data:".length())).path("brand").asString();
					streamed(brand).complete(at);
				}
				else if (line.isEmpty()) {
					event = "";
				}
			}
			System.out.println("The live stream ended");
		}
		catch (IOException ex) {
			System.out.println("The live stream failed: " + ex);
		}
	}

	private void sendLoadBatch() {
		int size = RATE / BATCHES_PER_SECOND;
		StringJoiner items = new StringJoiner(",", "{\"observations\":[", "]}");
		for (int i = 0; i < size; i++) {
			long n = this.loadSent.getAndIncrement();
			items.add(observation("load-" + (n % LOAD_BRANDS), 1000 + n / LOAD_BRANDS));
		}
		http.sendAsync(post(items.toString()), HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> {
				if (failure != null || response.statusCode() != 202) {
					this.loadRejected.incrementAndGet();
				}
			});
	}

	private String observation(String brand, long value) {
		return String.format(Locale.ROOT,
				"{\"brand\":\"%s\",\"metric\":\"followers\",\"channel\":\"all\",\"date\":\"%s\",\"value\":%d}", brand,
				this.today, value);
	}

	private HttpRequest post(String body) {
		return HttpRequest.newBuilder(this.stack.ingestUrl().resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + CREDENTIALS.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private void report(double loadRate, int missed) {
		System.out.printf(Locale.ROOT,
				"%nMachine: %d cores, load average %.1f at the end (others' work included); background load sent %.0f observations/s, %d batches rejected%n",
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), loadRate,
				this.loadRejected.get());
		System.out.printf(Locale.ROOT, "POST accepted (202): p50 %.0f ms, p99 %.0f ms%n",
				Percentiles.of(this.postMillis, 0.5), Percentiles.of(this.postMillis, 0.99));
		for (Map.Entry<String, Queue<Double>> latencies : Map.of("dashboard API", this.visibleMillis, "live stream",
				this.streamMillis).entrySet()) {
			Queue<Double> millis = latencies.getValue();
			System.out.printf(Locale.ROOT, "POST to scorecard in the %s: p50 %.0f, p90 %.0f, p95 %.0f, max %.0f ms%n",
					latencies.getKey(), Percentiles.of(millis, 0.5), Percentiles.of(millis, 0.9),
					Percentiles.of(millis, 0.95), Percentiles.of(millis, 1.0));
		}
		for (BenchmarkFigure figure : List.of(
				BenchmarkFigure.atMost("POST to scorecard in the dashboard API p50", Percentiles.of(this.visibleMillis, 0.5),
						"ms", 300),
				BenchmarkFigure.atMost("POST to scorecard in the dashboard API p99",
						Percentiles.of(this.visibleMillis, 0.99), "ms", 1000),
				BenchmarkFigure.atMost("POST to scorecard on the live stream p50", Percentiles.of(this.streamMillis, 0.5),
						"ms", 300),
				BenchmarkFigure.atMost("POST to scorecard on the live stream p99", Percentiles.of(this.streamMillis, 0.99),
						"ms", 1000),
				BenchmarkFigure.info("background load during the probes", Math.round(loadRate), "obs/s"),
				BenchmarkFigure.atMost("probes not visible within 30 s", missed, "probes", 0))) {
			figure.print();
		}
	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / 1e6;
	}

}
