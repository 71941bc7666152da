package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.brandsignal.localinfra.FreePorts;
import io.brandsignal.localinfra.KraftBrokerMain;

import static org.awaitility.Awaitility.await;

/**
 * The KRaft broker as a JVM of its own ({@link KraftBrokerMain} on the test class path), so a test can
 * {@code kill -9} it, pause it with {@code SIGSTOP} and start it again on the same data and ports.
 */
final class BrokerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final Path dataDirectory;

	private final Path logFile;

	private final int port = FreePorts.free();

	private final int controllerPort = FreePorts.free();

	private Process process;

	private int starts;

	private BrokerProcess(Path dataDirectory, Path logFile) {
		this.dataDirectory = dataDirectory;
		this.logFile = logFile;
	}

	static BrokerProcess start(Path dataDirectory, Path logFile) {
		BrokerProcess broker = new BrokerProcess(dataDirectory, logFile);
		broker.start();
		return broker;
	}

	String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Starts the broker (again) on its data and ports, and returns once it listens. */
	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("The broker is running");
		}
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				KraftBrokerMain.class.getName(), this.dataDirectory.toAbsolutePath().toString(),
				String.valueOf(this.port), String.valueOf(this.controllerPort));
		try {
			Files.createDirectories(this.logFile.getParent());
			Process started = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "broker-stop"));
			this.process = started;
			this.starts++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the broker", ex);
		}
		Process starting = this.process;
		await("broker start").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!starting.isAlive()) {
				throw new IllegalStateException("The broker stopped while starting; see " + this.logFile);
			}
			return readyLines() >= this.starts;
		});
	}

	private long readyLines() throws IOException {
		try (var lines = Files.lines(this.logFile)) {
			return lines.filter((line) -> line.startsWith(KraftBrokerMain.READY)).count();
		}
	}

	/** {@code kill -9}: the broker gets no chance to flush or close anything. */
	synchronized void kill() {
		this.process.destroyForcibly();
		this.process.onExit().join();
	}

	/** {@code SIGSTOP}: the broker keeps its connections but answers nothing. */
	void pause() {
		signal("STOP");
	}

	/** {@code SIGCONT} after {@link #pause()}. */
	void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(this.process.pid())).inheritIO()
				.start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the broker cleanly ({@code SIGTERM}), forcing it after a grace period. */
	@Override
	public synchronized void close() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		resume();
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			kill();
			Thread.currentThread().interrupt();
		}
	}

}
