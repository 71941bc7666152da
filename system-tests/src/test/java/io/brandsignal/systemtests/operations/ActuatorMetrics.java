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
 * exposition format; no credentials, but the dashboard's read key where the dashboard needs one).
 */
record ActuatorMetrics(String service, List<String> samples) {

	/**
	 * The dashboard's scrape names every brand, so where actuator shares its application port (the local
	 * stack) it takes a read key that sees every brand (issue 12); the other services need none.
	 */
	static final String DASHBOARD = "dashboard-service";

	static ActuatorMetrics scrape(String service, URI serviceUrl) {
		HttpRequest.Builder request = HttpRequest.newBuilder(serviceUrl.resolve("/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.GET();
		if (service.equals(DASHBOARD)) {
			request.header("Authorization", "Bearer " + SystemTestStack.CREDENTIALS.readKey());
		}
		HttpResponse<String> response = SystemTestStack.send(request.build());
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
