package io.brandsignal.systemtests.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;

import io.brandsignal.systemtests.SystemTestStack;

/**
 * Memory readings of the processes of a stack, from Linux's {@code /proc} (resident set, proportional set)
 * and from each service's actuator after a full collection forced with {@code jcmd <pid> GC.run} (heap
 * after GC: what stays live, so a leak shows as an upward trend).
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/** The JVM running {@code <service>.jar} against this broker (the command line names both). */
	static Optional<ProcessHandle> service(String service, String bootstrapServers) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(service + ".jar")
					&& line.contains(bootstrapServers)).orElse(false))
			.findFirst();
	}

	/** Processes whose command line names the directory, with all their descendants (PostgreSQL's server and backends). */
	static Set<ProcessHandle> withDescendants(Path directory) {
		Set<ProcessHandle> all = new LinkedHashSet<>();
		String name = directory.toAbsolutePath().toString();
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(name)).orElse(false))
			.forEach((process) -> {
				all.add(process);
				process.descendants().forEach(all::add);
			});
		return all;
	}

	/** Resident set size in MiB, or 0 once the process is gone. */
	static double rssMib(ProcessHandle process) {
		return procKib(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:") / 1024.0;
	}

	/** Proportional set size in MiB (shared pages divided among their users, so sums over processes add up). */
	static double pssMib(ProcessHandle process) {
		return procKib(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:") / 1024.0;
	}

	/** Forces a full collection in the service's JVM and returns the heap it still uses, in MiB. */
	static double heapAfterGcMib(ProcessHandle process, URI actuatorBase) {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			Process gc = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			gc.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run jcmd", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return sumOf(actuatorBase, "jvm_memory_used_bytes{", "area=\"heap\"") / (1024.0 * 1024.0);
	}

	/** The sum of the samples of one metric on a service's Prometheus endpoint whose line contains the label. */
	static double sumOf(URI actuatorBase, String metricPrefix, String label) {
		return values(actuatorBase, metricPrefix, label).sum();
	}

	/** The samples of one metric on a service's Prometheus endpoint whose line contains the label. */
	static DoubleStream values(URI actuatorBase, String metricPrefix, String label) {
		HttpResponse<String> metrics = SystemTestStack.send(HttpRequest
			.newBuilder(actuatorBase.resolve("/actuator/prometheus")).GET().build());
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith(metricPrefix) && line.contains(label))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
	}

	private static long procKib(Path file, String field) {
		try {
			List<String> lines = Files.readAllLines(file);
			for (String line : lines) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
			return 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
