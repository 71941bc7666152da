package io.brandsignal.systemtests.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.brandsignal.systemtests.SystemTestStack;
import io.brandsignal.testsupport.benchmark.BenchmarkFigure;
import org.springframework.util.FileSystemUtils;

/**
 * How fast the local stack comes up from fresh data and how much memory its four JVMs hold (issue 14,
 * part 3): starts {@link BenchmarkStack} as a JVM of its own (the launcher's: broker and PostgreSQL's
 * controller in process, the three services as its children) {@code -Druns} times, each on a new empty
 * data directory, and measures the time from starting that JVM until every service reports ready, and
 * each JVM's resident memory ({@code VmRSS}) a few seconds later. The first run after a build is
 * reported on its own: it may prepare class-data sharing archives for the later ones. A plain program,
 * not a test: see {@code system-tests/BENCHMARK.md}.
 */
public final class StartupBenchmark {

	private static final int RUNS = Integer.getInteger("runs", 5);

	/** How long after the stack is up its memory is read: what it holds once start-up work has settled. */
	private static final long SETTLE_MILLIS = Long.getLong("settleMs", 5000);

	private static final List<String> PROCESSES = List.of("launcher", "ingest-service", "scoring-service",
			"dashboard-service");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Double> startSeconds = new ArrayList<>();
		Map<String, List<Double>> residentMegabytes = new LinkedHashMap<>();
		PROCESSES.forEach((process) -> residentMegabytes.put(process, new ArrayList<>()));
		List<Double> totals = new ArrayList<>();
		double first = Double.NaN;
		for (int run = 0; run < RUNS; run++) {
			Run measured = startOnce();
			System.out.printf(Locale.ROOT, "run %d: up in %.1f s, resident %s (total %.0f MB)%n", run + 1,
					measured.seconds(), measured.residentMegabytes(), measured.total());
			if (run == 0 && RUNS > 1) {
				first = measured.seconds();
				continue;
			}
			startSeconds.add(measured.seconds());
			measured.residentMegabytes().forEach((name, megabytes) -> residentMegabytes.get(name).add(megabytes));
			totals.add(measured.total());
		}
		System.out.printf(Locale.ROOT, "%nMachine: %d cores, load average %.1f at the end (others' work included)%n",
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		List<BenchmarkFigure> figures = new ArrayList<>();
		if (!Double.isNaN(first)) {
			figures.add(BenchmarkFigure.info("local stack up, first run (after a build it also prepares the CDS archives)", first, "s"));
		}
		figures.add(BenchmarkFigure.atMost("local stack up from fresh data (median)", Percentiles.of(startSeconds, 0.5),
				"s", 15));
		figures.add(BenchmarkFigure.info("local stack up from fresh data (slowest)", Percentiles.of(startSeconds, 1.0),
				"s"));
		residentMegabytes.forEach((name, megabytes) -> figures
			.add(BenchmarkFigure.info("resident memory, " + name + " JVM (median)", Percentiles.of(megabytes, 0.5), "MB")));
		figures.add(BenchmarkFigure.atMost("resident memory, four JVMs together (median)", Percentiles.of(totals, 0.5),
				"MB", 1200));
		figures.forEach(BenchmarkFigure::print);
		System.exit(0);
	}

	private static Run startOnce() throws IOException, InterruptedException {
		Path data = Files.createTempDirectory("brandsignal-startup-benchmark");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dbrandsignal.services.dir=" + SystemTestStack.servicesDirectory().toAbsolutePath(), "-cp",
				System.getProperty("java.class.path"), BenchmarkStack.class.getName(), data.toString());
		long started = System.nanoTime();
		Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			CompletableFuture<Double> up = new CompletableFuture<>();
			Thread output = new Thread(() -> readOutput(launcher, up), "launcher-output");
			output.setDaemon(true);
			output.start();
			double reported = up.get(180, TimeUnit.SECONDS);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT, "  (the launcher itself counted %.1f s from its main)%n", reported);
			Thread.sleep(SETTLE_MILLIS);
			Map<String, Double> resident = new LinkedHashMap<>();
			resident.put("launcher", residentMegabytes(launcher.toHandle()));
			launcher.toHandle().children().forEach((child) -> resident.put(serviceName(child), residentMegabytes(child)));
			return new Run(seconds, resident);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The stack did not come up", ex);
		}
		finally {
			launcher.getOutputStream().close();
			if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
			}
			FileSystemUtils.deleteRecursively(data.toFile());
		}
	}

	private static void readOutput(Process launcher, CompletableFuture<Double> up) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(BenchmarkStack.UP)) {
					up.complete(Double.parseDouble(line.substring(BenchmarkStack.UP.length()).strip()));
				}
				else if (Boolean.getBoolean("verbose")) {
					System.out.println("  | " + line);
				}
			}
			up.completeExceptionally(new IllegalStateException("The launcher ended before the stack was up"));
		}
		catch (IOException ex) {
			up.completeExceptionally(ex);
		}
	}

	/** The service a child JVM runs, from the jar on its command line. */
	private static String serviceName(ProcessHandle child) {
		String commandLine = readProc(child, "cmdline").replace('\0', ' ');
		return PROCESSES.stream()
			.filter((name) -> commandLine.contains(name))
			.findFirst()
			.orElse("pid " + child.pid());
	}

	private static double residentMegabytes(ProcessHandle process) {
		for (String line : readProc(process, "status").split("\n")) {
			if (line.startsWith("VmRSS:")) {
				long kibibytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
				return kibibytes * 1024 / 1e6;
			}
		}
		return Double.NaN;
	}

	private static String readProc(ProcessHandle process, String file) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(process.pid()), file), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** One start: seconds until up, and resident megabytes by process. */
	private record Run(double seconds, Map<String, Double> residentMegabytes) {

		double total() {
			return this.residentMegabytes.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

}
