package io.brandsignal.ingest.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * HTTP load from {@code wrk} (Debian's package), a separate native process, as issue 14 measured ingest: a
 * load generator in the benchmark's own JVM costs more CPU than ingest's clients would on their own machines,
 * and on two shared cores that CPU comes out of the service measured. wrk posts the given JSON bodies in turn
 * over {@code connections} keep-alive connections for a fixed time; its Lua script prints one line of totals,
 * which {@link Result} reads.
 */
final class WrkLoad implements AutoCloseable {

	/** Posts the bodies in turn (each thread from its own counter) and prints the totals on one line. */
	private static final String SCRIPT = """
			local bodies = {}
			local counter = 0
			local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s" }
			function init(args)
			  for _, path in ipairs(args) do
			    local file = assert(io.open(path, "rb"))
			    bodies[#bodies + 1] = file:read("*a")
			    file:close()
			  end
			end
			function request()
			  counter = counter + 1
			  return wrk.format("POST", nil, headers, bodies[counter %% #bodies + 1])
			end
			function done(summary, latency, requests)
			  local e = summary.errors
			  io.write(string.format("WRK|%%d|%%d|%%d|%%d|%%d\\n", summary.requests, summary.duration,
			    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(99)))
			end
			""";

	private final Path directory;

	private final Path script;

	private final List<String> bodyFiles = new ArrayList<>();

	private final String url;

	private final int connections;

	/**
	 * @param url where to post
	 * @param bearerKey the API key sent with every request
	 * @param bodies the request bodies, posted in turn
	 * @param connections concurrent keep-alive connections
	 */
	WrkLoad(String url, String bearerKey, List<String> bodies, int connections) throws IOException {
		requireWrk();
		this.url = url;
		this.connections = connections;
		this.directory = Files.createTempDirectory("ingest-benchmark-wrk");
		this.script = Files.writeString(this.directory.resolve("post.lua"), SCRIPT.formatted(bearerKey));
		for (int i = 0; i < bodies.size(); i++) {
			Path body = Files.writeString(this.directory.resolve("body-" + i + ".json"), bodies.get(i));
			this.bodyFiles.add(body.toString());
		}
	}

	/** Runs wrk for {@code duration}; every request must have been answered 2xx. */
	Result run(Duration duration) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", this.script.toString(), this.url, "--"));
		command.addAll(this.bodyFiles);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		// wrk stops by itself after the duration; its output ends when it does
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		String totals = output.lines()
			.filter((line) -> line.startsWith("WRK|"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("wrk printed no totals: " + output));
		String[] fields = totals.split("\\|");
		Result result = new Result(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
				Long.parseLong(fields[4]), Long.parseLong(fields[5]));
		if (result.socketErrors() > 0 || result.non2xx() > 0) {
			throw new IllegalStateException("wrk saw " + result.socketErrors() + " socket errors and " + result.non2xx()
					+ " answers other than 2xx: " + output);
		}
		return result;
	}

	@Override
	public void close() throws IOException {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	private static void requireWrk() {
		try {
			Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			probe.getInputStream().readAllBytes();
			probe.waitFor();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(
					"The ingest benchmark drives ingest with wrk; install it first: sudo apt-get install -y wrk", ex);
		}
	}

	/**
	 * wrk's totals for one run.
	 *
	 * @param requests requests answered
	 * @param durationMicros how long the run took
	 * @param socketErrors connect, read, write and timeout errors
	 * @param non2xx answers with a status other than 2xx or 3xx
	 * @param p99Micros the 99th percentile of the requests' latency
	 */
	record Result(long requests, long durationMicros, long socketErrors, long non2xx, long p99Micros) {

		double requestsPerSecond() {
			return this.requests / (this.durationMicros / 1e6);
		}

	}

}
