package io.brandsignal.systemtests.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import io.brandsignal.launcher.LocalStack;
import io.brandsignal.launcher.LocalStackSettings;
import io.brandsignal.systemtests.SystemTestStack;

/**
 * The launcher's JVM for {@link StartupBenchmark}: starts the local stack on the data directory it is
 * given (on free ports, so it never clashes with a stack already running), says when it is up, and stops
 * it when its standard input ends. Started with default JVM options, like {@code java -jar} of the
 * launcher.
 */
public final class BenchmarkStack {

	/** The line this program prints once every service is ready, followed by the seconds it took. */
	static final String UP = "STACK-UP";

	private BenchmarkStack() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		LocalStackSettings settings = LocalStackSettings.ephemeral(Path.of(args[0]),
				SystemTestStack.servicesDirectory(), SystemTestStack.CREDENTIALS);
		try (LocalStack stack = LocalStack.start(settings, System.out::println)) {
			System.out.printf(Locale.ROOT, "%s %.3f%n", UP, (System.nanoTime() - started) / 1e9);
			System.out.flush();
			BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			while (input.readLine() != null) {
				// runs until the benchmark closes our standard input
			}
		}
		System.exit(0);
	}

}
