package io.brandsignal.ingest.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.IngestApplication;
import io.brandsignal.localinfra.KraftBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * How much heap ingest needs to refuse hostile bodies: starts one in-process KRaft broker and ingest (real
 * Tomcat, random port), samples the heap, sends {@code probe.bodies} (default 50) bodies of 4 MiB built to
 * exhaust memory from {@code probe.clients} (default 4) concurrent clients, then posts one valid batch.
 * Prints each kind's answers, the heap after a full GC before and after, and the highest heap use sampled
 * every 5 ms during the attack (broker and ingest share the JVM; the baseline holds both). Not a test: run
 * it with the container's heap and the JVM's exit on running out of memory, from {@code ingest-service}:
 * <pre>
 * mvn -q -B -pl ingest-service -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -XX:+ExitOnOutOfMemoryError -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     io.brandsignal.ingest.benchmark.HostileBodyHeapProbe
 * </pre>
 * Recorded 2026-11-30 (2 cores shared with other builds): before the bounded readers the JVM ended with
 * {@code OutOfMemoryError} during the attack; after them all 50 bodies were answered 400, 413 or 422 with
 * answers under 13 KB, the heap after GC was 226 MiB before and after (nothing retained), the highest
 * sampled use 387 MiB of 512, and a valid batch was accepted before and after.
 */
public final class HostileBodyHeapProbe {

	private static final int FOUR_MIB = 4 * 1024 * 1024;

	private static final String KEY = "probe-key";

	// printf %s probe-key | sha256sum
	private static final String KEY_SHA256 = "cd4fa85a3415965fe707f9c9f8dfb93bd64660b91c5b0bd8089e6e2aacfe31c1";

	private HostileBodyHeapProbe() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("probe.bodies", 50);
		int clients = Integer.getInteger("probe.clients", 4);
		List<Hostile> kinds = hostileBodies();
		Path data = Files.createTempDirectory("ingest-heap-probe-kafka");
		try (KraftBroker broker = KraftBroker.start(data, 0, 0)) {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				admin.createTopics(List.of(Topics.OBSERVATIONS.toNewTopic(1, 1))).all().get();
			}
			try (ConfigurableApplicationContext app = startIngest(broker.bootstrapServers())) {
				URI uri = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port")
						+ "/api/v1/observations");
				HttpClient http = HttpClient.newHttpClient();
				System.out.printf("valid batch before: %d%n", post(http, uri, "application/json", validBatch()).statusCode());
				long baseline = usedAfterGc();
				AtomicLong peak = new AtomicLong();
				Thread sampler = new Thread(() -> sample(peak), "heap-sampler");
				sampler.setDaemon(true);
				sampler.start();
				Map<String, List<String>> answers = new TreeMap<>();
				ExecutorService pool = Executors.newFixedThreadPool(clients);
				List<Future<String>> sent = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					Hostile hostile = kinds.get(i % kinds.size());
					sent.add(pool.submit(() -> {
						HttpResponse<String> answer = post(http, uri, hostile.contentType(), hostile.body());
						return hostile.name() + "\t" + answer.statusCode() + " (" + answer.body().length() + " B answer)";
					}));
				}
				for (Future<String> answer : sent) {
					String[] parts = answer.get().split("\t");
					answers.computeIfAbsent(parts[0], (k) -> new ArrayList<>()).add(parts[1]);
				}
				pool.shutdown();
				sampler.interrupt();
				long after = usedAfterGc();
				System.out.printf("valid batch after: %d%n", post(http, uri, "application/json", validBatch()).statusCode());
				answers.forEach((name, codes) -> System.out.printf("%-40s %d x %s%n", name, codes.size(),
						codes.stream().distinct().toList()));
				System.out.printf("max heap                      : %,d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
				System.out.printf("heap after GC, before attack  : %,d MiB%n", baseline >> 20);
				System.out.printf("highest heap during attack    : %,d MiB (sampled every 5 ms, garbage included)%n",
						peak.get() >> 20);
				System.out.printf("heap after GC, after %d bodies : %,d MiB%n", count, after >> 20);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private record Hostile(String name, String contentType, byte[] body) {
	}

	/** Each exactly 4 MiB, the most a request may carry. */
	private static List<Hostile> hostileBodies() {
		List<Hostile> bodies = new ArrayList<>();
		bodies.add(new Hostile("csv: 4 MiB of commas", "text/csv", filled(",")));
		bodies.add(new Hostile("csv: 4 MiB of ',\\n'", "text/csv", filled(",\n")));
		bodies.add(new Hostile("csv: header + rows of 1,000 commas", "text/csv",
				padded("brand,metric,date,value\n", ",".repeat(1000) + "\n", "")));
		bodies.add(new Hostile("json: items of 200 unknown fields", "application/json",
				padded("{\"observations\":[", "{" + unknownFields() + "},", "{}]}")));
		bodies.add(new Hostile("json: 4 MiB of '['", "application/json", filled("[")));
		bodies.add(new Hostile("json: one 4 MiB string", "application/json",
				padded("{\"observations\":[{\"brand\":\"", "a", "\"}]}")));
		String tiny = "{\"brand\":\"acme\",\"metric\":\"likes\",\"date\":\"2026-11-20\",\"value\":1e-1000000000},";
		bodies.add(new Hostile("json: 5,000 x 1e-1000000000 + spaces", "application/json",
				padded("{\"observations\":[" + tiny.repeat(4999), " ", tiny.substring(0, tiny.length() - 1) + "]}")));
		return bodies;
	}

	private static String unknownFields() {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			fields.append((i > 0) ? "," : "").append("\"f").append(i).append("\":0");
		}
		return fields.toString();
	}

	private static byte[] filled(String unit) {
		return unit.repeat(FOUR_MIB / unit.length()).getBytes(StandardCharsets.US_ASCII);
	}

	/** {@code head}, then {@code unit} as often as fits, then {@code tail}: at most 4 MiB. */
	private static byte[] padded(String head, String unit, String tail) {
		int room = FOUR_MIB - head.length() - tail.length();
		return (head + unit.repeat(room / unit.length()) + tail).getBytes(StandardCharsets.US_ASCII);
	}

	private static String validBatch() {
		return "{\"observations\":[{\"brand\":\"acme\",\"metric\":\"likes\",\"date\":\"" + LocalDate.now(ZoneOffset.UTC)
				+ "\",\"value\":1}]}";
	}

	private static HttpResponse<String> post(HttpClient http, URI uri, String contentType, Object body) throws Exception {
		HttpRequest.BodyPublisher publisher = (body instanceof byte[] bytes) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
				: HttpRequest.BodyPublishers.ofString((String) body);
		return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
			.header("Content-Type", contentType)
			.POST(publisher)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long usedAfterGc() {
		System.gc();
		return heapUsed();
	}

	private static long heapUsed() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				used += pool.getUsage().getUsed();
			}
		}
		return used;
	}

	private static void sample(AtomicLong peak) {
		while (!Thread.currentThread().isInterrupted()) {
			peak.accumulateAndGet(heapUsed(), Math::max);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private static ConfigurableApplicationContext startIngest(String bootstrap) {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--brandsignal.ingest.api-keys[0].name=probe",
				"--brandsignal.ingest.api-keys[0].sha256=" + KEY_SHA256, "--brandsignal.ingest.api-keys[0].brands=*",
				"--brandsignal.ingest.rate-limit.enabled=false", "--brandsignal.ingest.publish.instance-id=probe",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
	}

}
