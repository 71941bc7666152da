package io.brandsignal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes a killed launcher left running are stopped by the next launch, and nothing else is.
 */
class LeftoverProcessesTests {

	@TempDir
	Path data;

	private Process child;

	@AfterEach
	void stopChild() throws InterruptedException {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void nextLaunchStopsWhatAnEarlierLauncherRecordedAndLeftRunning() throws Exception {
		this.child = sleeper();
		new LeftoverProcesses(this.data).record(this.child.toHandle());

		// the recording launcher was killed; a new one starts on the same data directory
		assertThat(new LeftoverProcesses(this.data).stopAll()).containsExactly(this.child.pid());

		assertThat(this.child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(new LeftoverProcesses(this.data).stopAll()).isEmpty();
	}

	@Test
	void leavesAProcessAloneThatOnlyReusesARecordedProcessId() throws Exception {
		this.child = sleeper();
		long started = this.child.toHandle().info().startInstant().orElseThrow().toEpochMilli();
		Files.writeString(this.data.resolve("launcher-processes"), this.child.pid() + " " + (started - 60_000) + "\n");

		assertThat(new LeftoverProcesses(this.data).stopAll()).isEmpty();

		assertThat(this.child.isAlive()).isTrue();
	}

	@Test
	void recordsThePostgresServerFromItsPidFile() throws Exception {
		this.child = sleeper();
		Path postgres = Files.createDirectories(this.data.resolve("postgres"));
		Files.writeString(postgres.resolve("postmaster.pid"), this.child.pid() + "\n" + postgres + "\n");
		LeftoverProcesses leftovers = new LeftoverProcesses(this.data);
		leftovers.recordPostgres(postgres);

		assertThat(new LeftoverProcesses(this.data).stopAll()).containsExactly(this.child.pid());
		assertThat(this.child.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aCleanShutdownLeavesNothingToStop() throws Exception {
		this.child = sleeper();
		LeftoverProcesses leftovers = new LeftoverProcesses(this.data);
		leftovers.record(this.child.toHandle());
		leftovers.clear();

		assertThat(new LeftoverProcesses(this.data).stopAll()).isEmpty();
		assertThat(this.child.isAlive()).isTrue();
	}

	private static Process sleeper() throws IOException {
		return new ProcessBuilder("sleep", "300").start();
	}

}
