package io.brandsignal.systemtests.operations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operators' command-line tools ({@code docker-compose}, {@code promtool}) the way CI does. A
 * missing tool fails the check: CI installs them (Debian's {@code docker-compose} and
 * {@code prometheus} packages), so skipping would hide a broken pipeline.
 */
final class CommandLine {

	/** Variables the tools need to run at all; everything else is dropped so no secret leaks in. */
	private static final List<String> KEPT_ENVIRONMENT = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR");

	private CommandLine() {
	}

	/** What a finished command said. */
	record Result(List<String> command, int exitCode, String output) {

		/** The command, its exit code and its output, for assertion messages. */
		String describe() {
			return String.join(" ", this.command) + " exited with " + this.exitCode + ":\n" + this.output;
		}

	}

	/** Runs {@code command} in {@code directory} with a minimal environment and returns its combined output. */
	static Result run(Path directory, Duration timeout, String... command) {
		return run(directory, timeout, Map.of(), command);
	}

	/**
	 * Runs {@code command} in {@code directory} with a minimal environment plus {@code variables} and returns
	 * its combined output.
	 */
	static Result run(Path directory, Duration timeout, Map<String, String> variables, String... command) {
		String tool = command[0];
		Path executable = executable(tool);
		if (executable == null) {
			throw new AssertionError("'" + tool + "' is not on the PATH; ./test.sh installs it with apt-get "
					+ "(docker-compose: package docker-compose; promtool, prometheus: package prometheus; "
					+ "nginx: package nginx; shellcheck: package shellcheck).");
		}
		String[] resolved = command.clone();
		resolved[0] = executable.toString();
		ProcessBuilder builder = new ProcessBuilder(resolved).directory(directory.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().retainAll(KEPT_ENVIRONMENT);
		environment.putAll(variables);
		try {
			Path output = Files.createTempFile("brandsignal-command", ".log");
			try {
				Process process = builder.redirectOutput(output.toFile()).start();
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
					throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
				}
				return new Result(List.of(command), process.exitValue(),
						Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
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

	/**
	 * The absolute path of {@code tool} on the PATH (or in {@code /usr/sbin}, where Debian puts nginx, which
	 * is not on an ordinary user's PATH), or {@code null}.
	 */
	static Path executable(String tool) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
		for (String folder : path.split(File.pathSeparator)) {
			Path candidate = Path.of(folder.isEmpty() ? "." : folder, tool);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
