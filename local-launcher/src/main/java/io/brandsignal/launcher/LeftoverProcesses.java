package io.brandsignal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a launcher starts outside its own JVM (the service JVMs, the PostgreSQL server),
 * recorded in the data directory so that a launcher killed without a chance to stop them
 * ({@code kill -9}, a crash) does not leave them holding the ports and the database: the next launch
 * stops them before it starts anything. Each is recorded with its start time, so a process that merely
 * reuses a recorded process id is never touched.
 */
final class LeftoverProcesses {

	private static final String FILE_NAME = "launcher-processes";

	private static final Duration GRACE = Duration.ofSeconds(10);

	private final Path file;

	LeftoverProcesses(Path dataDirectory) {
		this.file = dataDirectory.resolve(FILE_NAME);
	}

	/** Records a process this launcher started (PostgreSQL and the services start on threads of their own). */
	synchronized void record(ProcessHandle process) {
		Optional<Instant> started = process.info().startInstant();
		if (started.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, process.pid() + " " + started.get().toEpochMilli() + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot record process " + process.pid() + " in " + this.file, ex);
		}
	}

	/** Records the PostgreSQL server running on a data directory, from its {@code postmaster.pid}. */
	void recordPostgres(Path postgresDataDirectory) {
		try {
			List<String> lines = Files.readAllLines(postgresDataDirectory.resolve("postmaster.pid"));
			if (!lines.isEmpty()) {
				ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(this::record);
			}
		}
		catch (IOException | NumberFormatException ex) {
			// no readable pid file: there is no server process to record
		}
	}

	/**
	 * Stops every recorded process that is still running: all asked at once (the database's smart
	 * shutdown ends as the services using it go), then forced after a grace period. Their broker died
	 * with the launcher that started them, so a longer wait would not let them flush anything.
	 * @return the process ids stopped
	 */
	List<Long> stopAll() {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		List<ProcessHandle> running = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(this.file)) {
				String[] fields = line.trim().split(" ");
				if (fields.length == 2) {
					long started = Long.parseLong(fields[1]);
					ProcessHandle.of(Long.parseLong(fields[0]))
						.filter((process) -> process.info().startInstant().map(Instant::toEpochMilli)
							.filter((instant) -> instant == started)
							.isPresent())
						.ifPresent(running::add);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("Cannot read " + this.file + "; delete it if no launcher runs", ex);
		}
		running.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + GRACE.toNanos();
		List<Long> stopped = new ArrayList<>();
		for (ProcessHandle process : running) {
			try {
				process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				process.destroyForcibly();
				process.onExit().join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while stopping leftover process " + process.pid(), ex);
			}
			stopped.add(process.pid());
		}
		clear();
		return stopped;
	}

	/** Forgets the recorded processes, once this launcher has stopped them itself. */
	void clear() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + this.file, ex);
		}
	}

}
