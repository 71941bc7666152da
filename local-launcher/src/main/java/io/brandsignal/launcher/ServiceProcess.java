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

	/**
	 * Sized for a laptop running all three services: quick start-up and little resident memory matter
	 * more here than peak throughput (production images set their own JVM options). The heap starts
	 * small and grows only as far as a service needs (the default initial heap is 1/64 of the machine's
	 * memory, all of it touched soon after start), and is given back when it shrinks; the client
	 * compiler alone compiles quickly enough for a local stack.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx512m", "-XX:+UseSerialGC",
			"-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1");

	private final String name;

	private final int port;

	private final Path logFile;

	private final Process process;

	private final ClassDataSharing.Launch launch;

	private ServiceProcess(String name, int port, Path logFile, Process process, ClassDataSharing.Launch launch) {
		this.name = name;
		this.port = port;
		this.logFile = logFile;
		this.process = process;
		this.launch = launch;
	}

	/**
	 * Checks that the service's jar was built.
	 * @throws IllegalStateException when it is missing
	 */
	static Path requireJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Cannot find " + jar.toAbsolutePath() + ": build first with "
					+ "'mvn -q -DskipTests package'");
		}
		return jar;
	}

	/**
	 * Starts {@code jar} as it is (no class-data sharing archive) with the given Spring arguments: for
	 * extra instances beside a running stack, whose archive the stack's own instance keeps.
	 */
	public static ServiceProcess start(String name, Path jar, int port, Path logDirectory, List<String> arguments) {
		return start(name, ClassDataSharing.Launch.plain(requireJar(jar)), port, logDirectory, arguments);
	}

	/**
	 * Starts a service's JVM as {@code launch} says (its jar, with or without a class-data sharing
	 * archive) with the given Spring arguments.
	 */
	static ServiceProcess start(String name, ClassDataSharing.Launch launch, int port, Path logDirectory,
			List<String> arguments) {
		try {
			Files.createDirectories(logDirectory);
			Path logFile = logDirectory.resolve(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(ClassDataSharing.javaExecutable());
			command.addAll(JVM_OPTIONS);
			command.addAll(launch.arguments());
			command.add("--server.port=" + port);
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			builder.environment().keySet().removeAll(Credentials.ENVIRONMENT_VARIABLES);
			// glibc gives each thread that allocates its own 64 MB malloc arena; a few are plenty for a JVM
			// whose heap is its own, and the rest is resident memory for nothing
			builder.environment().put("MALLOC_ARENA_MAX", "2");
			Process process = builder.start();
			// Children outlive their parent unless told to stop: Ctrl-C while the stack is still starting
			// must not leave services holding the ports.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
			return new ServiceProcess(name, port, logFile, process, launch);
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

	/**
	 * Asks the service to shut down gracefully, and forces it after a grace period; then keeps the
	 * class-data sharing archive its JVM wrote on the way out, if this was its training run.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
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
		if (!this.process.isAlive()) {
			this.launch.stopped();
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
