package io.brandsignal.dashboard.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brandsignal.contract.access.HashedApiKeys;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.dashboard.DashboardApplication;
import io.brandsignal.dashboard.Fixtures;
import io.brandsignal.dashboard.readmodel.ScorecardStore;
import io.brandsignal.localinfra.KraftBroker;
import io.brandsignal.localinfra.LocalPostgres;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard's read performance for one brand with three years of daily data: starts the dashboard
 * in this JVM against a real in-process Kafka broker and an embedded PostgreSQL, writes 1,096 days of 7
 * metrics for one brand straight into the read model, then lets 20 concurrent readers (each its own
 * {@link HttpClient}, logged in once with the login form against a production-cost bcrypt hash and then
 * sending only the session cookie, as a browser does) fetch the series API (the full three years and the
 * default 28 days) and the brand page. Then 20 cookie-less systems (a fresh connection pool each, no
 * cookies, {@code Authorization: Bearer <read key>} on every call, as scripts and BI tools do) fetch the
 * two series endpoints. Reports, per endpoint and client kind, the server time from the
 * {@code http.server.requests} histogram (bucket upper bounds, and the share within the exact 50 ms
 * boundary, measurement phase only), the exact client-side latency percentiles and the CPU time per
 * request of the server and of the load generator. A plain program, not a test: see {@code BENCHMARK.md}.
 */
public final class DashboardBenchmark {

	private static final String BRAND = "acme";

	private static final String USER = "bench";

	private static final String PASSWORD = "bench-password";

	private static final String READ_KEY = "bsr_benchmark_read_key";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final int DAYS = 1096;

	private static final String READER_THREAD = "reader-";

	/** Issue 5's target, an exact boundary of the server histogram (application.properties). */
	private static final double TARGET_MS = 50.0;

	private static final String[] METRICS = { "followers", "impressions", "likes", "sales_revenue", "orders",
			"brand_awareness", "nps" };

	private DashboardBenchmark() {
	}

	/**
	 * Starts the dashboard in this JVM with the settings as command-line arguments, so they win over any
	 * {@code application.yml} on the class path.
	 */
	static ConfigurableApplicationContext start(Map<String, String> settings) {
		String[] arguments = settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(DashboardApplication.class).run(arguments);
	}

	public static void main(String[] args) throws Exception {
		int readers = intArg(args, 0, 20);
		int requestsPerReader = intArg(args, 1, 300);
		Path data = Files.createTempDirectory("dashboard-benchmark");
		try (KraftBroker broker = KraftBroker.start(data.resolve("kafka"), 0, 0);
				LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), 0)) {
			String jdbcUrl = postgres.createDatabase("dashboard_benchmark");
			String hash = new BCryptPasswordEncoder().encode(PASSWORD);
			Map<String, String> settings = new LinkedHashMap<>(Map.of("server.port", "0", "spring.datasource.url", jdbcUrl,
						"spring.datasource.username", postgres.username(), "spring.datasource.password",
						postgres.password(), "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
						"brandsignal.dashboard.users[0].username", USER,
						"brandsignal.dashboard.users[0].password-bcrypt", hash, "logging.level.root", "WARN",
						"logging.level.org.apache.kafka", "ERROR", "spring.main.banner-mode", "off"));
			settings.put("brandsignal.dashboard.users[0].brands", "*");
			settings.put("brandsignal.dashboard.read-keys[0].name", "benchmark");
			settings.put("brandsignal.dashboard.read-keys[0].sha256", HexFormat.of().formatHex(HashedApiKeys.sha256(READ_KEY)));
			settings.put("brandsignal.dashboard.read-keys[0].brands", BRAND);
			// the latency of the read path is measured here, not the rate limit (20 clients share one key)
			settings.put("brandsignal.dashboard.read-rate-limit.enabled", "false");
			try (ConfigurableApplicationContext app = start(settings)) {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				seed(app);
				Map<String, String> endpoints = new LinkedHashMap<>();
				endpoints.put("/api/v1/brands/{brand}/series?days=1096 (3 years)",
						"/api/v1/brands/" + BRAND + "/series?days=" + DAYS);
				endpoints.put("/api/v1/brands/{brand}/series (28 days)", "/api/v1/brands/" + BRAND + "/series");
				endpoints.put("/brands/{brand} (page)", "/brands/" + BRAND);
				// One client per reader for the whole run: it logs in once with the form (one bcrypt check), then
				// sends only its session cookie, as a browser does. (HTTP Basic no longer opens a session.)
				List<HttpClient> clients = new ArrayList<>();
				for (int reader = 0; reader < readers; reader++) {
					HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
					logIn(http, port);
					clients.add(http);
				}
				measure(app, port, "people with a session cookie (form login once)", endpoints, clients,
						requestsPerReader, null);
				// Systems keep no cookies: every call carries the read key and opens no session.
				Map<String, String> keyed = new LinkedHashMap<>();
				keyed.put("read key: /api/v1/brands/{brand}/series?days=1096", "/api/v1/brands/" + BRAND + "/series?days=" + DAYS);
				keyed.put("read key: /api/v1/brands/{brand}/series (28 days)", "/api/v1/brands/" + BRAND + "/series");
				List<HttpClient> cookieless = new ArrayList<>();
				for (int reader = 0; reader < readers; reader++) {
					cookieless.add(HttpClient.newHttpClient());
				}
				measure(app, port, "cookie-less systems with a read key (Bearer)", keyed, cookieless, requestsPerReader,
						"Bearer " + READ_KEY);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private static void logIn(HttpClient http, int port) throws Exception {
		String login = "http://localhost:" + port + "/login";
		String page = http.send(HttpRequest.newBuilder(URI.create(login)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF_FIELD.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no _csrf field");
		}
		String form = "username=" + USER + "&password=" + PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(login))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (loggedIn.statusCode() != 302 || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Form login failed: " + loggedIn.statusCode() + " "
					+ loggedIn.headers().firstValue("Location").orElse(""));
		}
	}

	/** Warms up, then measures one kind of client and reports it. */
	private static void measure(ConfigurableApplicationContext app, int port, String kind,
			Map<String, String> endpoints, List<HttpClient> clients, int requestsPerReader, String authorization)
			throws Exception {
		int readers = clients.size();
		System.out.printf(Locale.ROOT, "%n== %s ==%nWarming up...%n", kind);
		run(port, endpoints, clients, 50, authorization);
		MeterRegistry meters = app.getBean(MeterRegistry.class);
		Map<String, CountAtBucket[]> before = serverHistograms(meters);
		System.out.printf(Locale.ROOT, "Measuring %d readers x %d requests...%n", readers, requestsPerReader);
		Map<String, Long> cpuBefore = cpuByRole();
		Instant start = Instant.now();
		Map<String, List<Long>> client = run(port, endpoints, clients, requestsPerReader, authorization);
		Duration elapsed = Duration.between(start, Instant.now());
		Map<String, Long> cpuAfter = cpuByRole();
		Map<String, CountAtBucket[]> after = serverHistograms(meters);
		report(kind, endpoints, client, before, after, elapsed, readers);
		reportCpu(cpuBefore, cpuAfter, (long) readers * requestsPerReader, elapsed);
	}

	private static void seed(ConfigurableApplicationContext app) {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		LocalDate last = LocalDate.parse("2026-11-20");
		LocalDate first = last.minusDays(DAYS - 1L);
		List<Object[]> rows = new ArrayList<>();
		for (int day = 0; day < DAYS; day++) {
			for (int metric = 0; metric < METRICS.length; metric++) {
				double value = switch (METRICS[metric]) {
					case "followers" -> 10_000 + 15.0 * day;
					case "brand_awareness" -> 20 + day / 100.0;
					case "nps" -> 10 + (day % 30) / 3.0;
					default -> 100 + (day * 7 + metric * 13) % 50;
				};
				rows.add(new Object[] { BRAND, java.sql.Date.valueOf(first.plusDays(day)), METRICS[metric], value });
			}
		}
		jdbc.batchUpdate("INSERT INTO daily_metric_value (brand, day, metric, value) VALUES (?, ?, ?, ?)", rows);
		app.getBean(ScorecardStore.class)
			.upsert(Fixtures.scorecard(BRAND, Verdict.VANITY_TRAP, Instant.parse("2026-11-20T12:00:00Z")));
		System.out.printf(Locale.ROOT, "Seeded %d daily values (%d days x %d metrics) for '%s'.%n", rows.size(), DAYS,
				METRICS.length, BRAND);
	}

	private static Map<String, List<Long>> run(int port, Map<String, String> endpoints, List<HttpClient> clients,
			int requests, String authorization) throws Exception {
		int readers = clients.size();
		Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
		endpoints.keySet().forEach((name) -> latencies.put(name, Collections.synchronizedList(new ArrayList<>())));
		List<String> names = new ArrayList<>(endpoints.keySet());
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(readers,
				(task) -> new Thread(task, READER_THREAD + threads.incrementAndGet()));
		CountDownLatch ready = new CountDownLatch(readers);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int reader = 0; reader < readers; reader++) {
			int offset = reader;
			done.add(pool.submit(() -> {
				HttpClient http = clients.get(offset);
				ready.countDown();
				go.await();
				for (int i = 0; i < requests; i++) {
					String name = names.get((i + offset) % names.size());
					HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoints.get(name)))
						.header("Accept", name.contains("page") ? "text/html" : "application/json");
					if (authorization != null) {
						request.header("Authorization", authorization);
					}
					long begin = System.nanoTime();
					HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
					long took = System.nanoTime() - begin;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(name + " answered " + response.statusCode());
					}
					latencies.get(name).add(took);
				}
				return null;
			}));
		}
		try {
			ready.await();
			go.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			// A failed reader must not leave the others running: exec:java waits for every thread.
			pool.shutdownNow();
		}
		return latencies;
	}

	/**
	 * CPU time used so far by the server's request threads, by the load generator (the readers and their
	 * HTTP clients' selector threads) and by the JVM's other Java threads (Kafka, ...; JIT compiler and
	 * GC threads are not among them).
	 */
	private static Map<String, Long> cpuByRole() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> cpu = new LinkedHashMap<>();
		List.of("server", "load generator", "other").forEach((role) -> cpu.put(role, 0L));
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			long nanos = (thread != null) ? threads.getThreadCpuTime(thread.getThreadId()) : -1;
			if (nanos > 0) {
				String name = thread.getThreadName();
				String role = name.startsWith("http-nio") ? "server"
						: (name.startsWith(READER_THREAD) || name.startsWith("HttpClient-")) ? "load generator" : "other";
				cpu.merge(role, nanos, Long::sum);
			}
		}
		return cpu;
	}

	private static void reportCpu(Map<String, Long> before, Map<String, Long> after, long requests,
			Duration elapsed) {
		StringBuilder line = new StringBuilder("CPU per request:");
		for (String role : after.keySet()) {
			double perRequest = (after.get(role) - before.get(role)) / 1_000_000.0 / requests;
			line.append(String.format(Locale.ROOT, " %s %.2f ms,", role, perRequest));
		}
		double offered = Runtime.getRuntime().availableProcessors() * elapsed.toNanos() / 1_000_000.0 / requests;
		System.out.printf(Locale.ROOT, "%s of the %.2f ms the machine's cores offered per request%n",
				line.substring(0, line.length() - 1), offered);
	}

	private static Map<String, CountAtBucket[]> serverHistograms(MeterRegistry meters) {
		Map<String, CountAtBucket[]> histograms = new HashMap<>();
		for (Timer timer : meters.find("http.server.requests").timers()) {
			String uri = timer.getId().getTag("uri");
			String status = timer.getId().getTag("status");
			if ("200".equals(status) && uri != null) {
				histograms.put(uri, timer.takeSnapshot().histogramCounts());
			}
		}
		return histograms;
	}

	private static void report(String kind, Map<String, String> endpoints, Map<String, List<Long>> client,
			Map<String, CountAtBucket[]> before, Map<String, CountAtBucket[]> after, Duration elapsed, int readers) {
		long total = client.values().stream().mapToLong(List::size).sum();
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		System.out.printf(Locale.ROOT, "%nMachine: %d cores, load average %.1f at the end (others' work included)%n",
				os.getAvailableProcessors(), os.getSystemLoadAverage());
		System.out.printf(Locale.ROOT, "%d requests by %d readers in %.1f s (%.0f requests/s)%n", total, readers,
				elapsed.toMillis() / 1000.0, total * 1000.0 / elapsed.toMillis());
		System.out.printf(Locale.ROOT, "%-52s %10s %10s %10s | %10s %10s %10s%n", "endpoint", "server p50", "server p99",
				"<= 50 ms", "client p50", "client p99", "client max");
		for (String name : endpoints.keySet()) {
			String uri = name.startsWith("/brands") ? "/brands/{brand}" : "/api/v1/brands/{brand}/series";
			// Both series rows share one server timer (same URI template): its percentiles cover both.
			double[] server = serverPercentiles(before.get(uri), after.get(uri));
			long[] sorted = client.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "%-52s %8.1fms %8.1fms %9.2f%% | %8.1fms %8.1fms %8.1fms%n", name, server[0],
					server[1], server[2], ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
					ms(sorted[sorted.length - 1]));
			BenchmarkFigure.atMost(String.format(Locale.ROOT, "dashboard, %s, %s, %d readers, server p99", kind, name,
					readers), server[1], "ms", 50).print();
		}
		System.out.printf(Locale.ROOT,
				"(server = upper bound of the http.server.requests histogram bucket holding the percentile, "
						+ "measurement phase only; <= 50 ms = share of requests within the histogram's exact 50 ms "
						+ "boundary; the two series rows share one URI template, so one timer)%n");
	}

	private static double[] serverPercentiles(CountAtBucket[] before, CountAtBucket[] after) {
		if (after == null) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN };
		}
		double[] counts = new double[after.length];
		for (int i = 0; i < after.length; i++) {
			counts[i] = after[i].count() - ((before != null) ? before[i].count() : 0);
		}
		double total = counts[counts.length - 1];
		double within = Double.NaN;
		for (int i = 0; i < after.length; i++) {
			if (after[i].bucket(TimeUnit.MILLISECONDS) == TARGET_MS) {
				within = 100.0 * counts[i] / total;
			}
		}
		return new double[] { bucketBound(after, counts, total * 0.50), bucketBound(after, counts, total * 0.99),
				within };
	}

	private static double bucketBound(CountAtBucket[] buckets, double[] cumulative, double rank) {
		for (int i = 0; i < buckets.length; i++) {
			if (cumulative[i] >= rank) {
				return buckets[i].bucket(TimeUnit.MILLISECONDS);
			}
		}
		return Double.POSITIVE_INFINITY;
	}

	private static long percentile(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}


}
