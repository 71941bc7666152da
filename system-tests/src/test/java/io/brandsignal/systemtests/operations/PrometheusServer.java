package io.brandsignal.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.brandsignal.localinfra.FreePorts;
import io.brandsignal.systemtests.SystemTestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (the Debian {@code prometheus} binary CI installs) scraping given services every
 * second and evaluating the production alert rules, with its data under the build's {@code target/}.
 */
final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final URI url;

	private final Path log;

	private PrometheusServer(Process process, URI url, Path log) {
		this.process = process;
		this.url = url;
		this.log = log;
	}

	/**
	 * Starts Prometheus and returns once it is ready.
	 * @param workDirectory folder for the generated configuration, the TSDB and the log
	 * @param targets scrape job name to the base URL of a service's actuator
	 * @param ruleFile alert rules to load
	 */
	static PrometheusServer start(Path workDirectory, Map<String, URI> targets, Path ruleFile) {
		Path binary = CommandLine.executable("prometheus");
		if (binary == null) {
			throw new AssertionError("'prometheus' is not on the PATH; ./test.sh installs it (Debian package prometheus)");
		}
		try {
			Files.createDirectories(workDirectory);
			Path config = Files.writeString(workDirectory.resolve("prometheus.yml"), config(targets, ruleFile));
			Path log = workDirectory.resolve("prometheus.log");
			int port = FreePorts.free();
			Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + workDirectory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
					"--log.level=warn")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
			try {
				server.awaitReady();
			}
			catch (RuntimeException | AssertionError ex) {
				server.close();
				throw ex;
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The result vector of an instant query ({@code data.result} of {@code /api/v1/query}). */
	JsonNode query(String promql) {
		JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		return body.path("data").path("result");
	}

	/** The rule groups Prometheus loaded ({@code data.groups} of {@code /api/v1/rules}). */
	JsonNode ruleGroups() {
		return get("/api/v1/rules").path("data").path("groups");
	}

	/** The scrape targets Prometheus knows ({@code data.activeTargets} of {@code /api/v1/targets}). */
	JsonNode activeTargets() {
		return get("/api/v1/targets").path("data").path("activeTargets");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private JsonNode get(String pathAndQuery) {
		HttpResponse<String> response = SystemTestStack
			.send(HttpRequest.newBuilder(this.url.resolve(pathAndQuery)).GET().build());
		assertThat(response.statusCode()).as("%s answered %s", pathAndQuery, response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("status").asString()).as(response.body()).isEqualTo("success");
		return body;
	}

	private boolean isReady() {
		try {
			return SystemTestStack.send(HttpRequest.newBuilder(this.url.resolve("/-/ready")).GET().build())
				.statusCode() == 200;
		}
		catch (UncheckedIOException ex) {
			// not listening yet
			return false;
		}
	}

	private void awaitReady() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(this.process.isAlive()).as("Prometheus ended early:\n%s", readLog()).isTrue();
			assertThat(isReady()).as("Prometheus answers /-/ready").isTrue();
		});
	}

	private String readLog() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String config(Map<String, URI> targets, Path ruleFile) {
		List<String> lines = new ArrayList<>(List.of("global:", "  scrape_interval: 1s", "  scrape_timeout: 1s",
				"  evaluation_interval: 1s", "rule_files:", "  - '" + ruleFile.toAbsolutePath() + "'",
				"scrape_configs:"));
		targets.forEach((job, target) -> {
			lines.add("  - job_name: '" + job + "'");
			lines.add("    metrics_path: /actuator/prometheus");
			if (job.equals(ActuatorMetrics.DASHBOARD)) {
				// as compose's Prometheus would need on a shared port: the dashboard's scrape takes a read key
				lines.add("    authorization:");
				lines.add("      type: Bearer");
				lines.add("      credentials: '" + SystemTestStack.CREDENTIALS.readKey() + "'");
			}
			lines.add("    static_configs:");
			lines.add("      - targets: ['" + target.getHost() + ":" + target.getPort() + "']");
		});
		return String.join("\n", lines) + "\n";
	}

}
