package io.brandsignal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One brandsignal service running as its own JVM from its jar, exactly as it runs in production, with
 * its log in a file. The launcher talks to it only over HTTP. Public for the system tests that crash
 * ({@code kill -9} of {@link #process()}) and restart services.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path logFile;

	private final Process process;

	private ServiceProcess(String name, int port, Path logFile, Process process) {
		this.name = name;
		this.port = port;
		this.logFile = logFile;
		this.process = process;
	}

	/**
	 * Starts {@code <name>.jar} from the services directory with the given Spring arguments.
	 */
	public static ServiceProcess start(String name, Path jar, int port, Path logDirectory, List<String> arguments) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Cannot find " + jar.toAbsolutePath() + ": build first with "
					+ "'mvn -q -DskipTests package'");
		}
		try {
			Files.createDirectories(logDirectory);
			Path logFile = logDirectory.resolve(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			// Sized for a laptop running all three services: quick start-up and small heaps matter more
			// here than peak throughput (production images set their own JVM options).
			command.add("-Xmx512m");
			command.add("-XX:+UseSerialGC");
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-jar");
			command.add(jar.toAbsolutePath().toString());
			command.add("--server.port=" + port);
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			builder.environment().keySet().removeAll(Credentials.ENVIRONMENT_VARIABLES);
			Process process = builder.start();
			// Children outlive their parent unless told to stop: Ctrl-C while the stack is still starting
			// must not leave services holding the ports.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
			return new ServiceProcess(name, port, logFile, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	public String name() {
		return this.name;
	}

	public URI url() {
		return URI.create("http://localhost:" + this.port);
	}

	/** The service's JVM. */
	public ProcessHandle process() {
		return this.process.toHandle();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits until the service reports itself ready to take traffic, or fails with its last log lines. */
	public void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest readiness = HttpRequest.newBuilder(url().resolve("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped during startup (exit code "
						+ this.process.exitValue() + "). Last log lines:\n" + tailOfLog(40));
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout.toSeconds()
				+ " s. Last log lines:\n" + tailOfLog(40));
	}

	/** The last lines of the service's log, for error messages. */
	String tailOfLog(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log " + this.logFile + " unreadable: " + ex.getMessage() + ")";
		}
	}

	/** Asks the service to shut down gracefully, and forces it after a grace period. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
