package io.brandsignal.systemtests.security;

import java.net.URI;

import io.brandsignal.systemtests.SystemTestStack;

/**
 * A service's heap in use, read from its Prometheus scrape (only health and Prometheus are exposed):
 * the sum of {@code jvm_memory_used_bytes} over the heap's pools.
 */
final class IngestHeap {

	private IngestHeap() {
	}

	static double usedBytes(URI service) {
		String scrape = SystemTestStack.get(service.resolve("/actuator/prometheus")).body();
		return scrape.lines()
			.filter((line) -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
