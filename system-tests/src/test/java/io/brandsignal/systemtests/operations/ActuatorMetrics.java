package io.brandsignal.systemtests.operations;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.brandsignal.systemtests.SystemTestStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service exports on {@code /actuator/prometheus}, read the way Prometheus reads it (text
 * exposition format, no credentials).
 */
record ActuatorMetrics(String service, List<String> samples) {

	static ActuatorMetrics scrape(String service, URI serviceUrl) {
		HttpResponse<String> response = SystemTestStack.send(HttpRequest
			.newBuilder(serviceUrl.resolve("/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.GET()
			.build());
		assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
		return new ActuatorMetrics(service,
				response.body().lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList());
	}

	/** The name of every sample, e.g. {@code brandsignal_ingest_publish_seconds_bucket}. */
	Set<String> names() {
		Set<String> names = new TreeSet<>();
		for (String sample : this.samples) {
			names.add(name(sample));
		}
		return names;
	}

	/** The samples of one metric name, e.g. {@code up{job="x"} 1.0}. */
	List<String> samplesOf(String name) {
		return this.samples.stream().filter((sample) -> name(sample).equals(name)).toList();
	}

	/** The value of one sample line. */
	static double value(String sample) {
		return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
	}

	private static String name(String sample) {
		int end = 0;
		while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
			end++;
		}
		return sample.substring(0, end);
	}

}
