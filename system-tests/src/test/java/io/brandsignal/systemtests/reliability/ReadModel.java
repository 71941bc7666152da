package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's read model as its API serves it: a brand's daily series and its scorecard, read with
 * the development read key. Any 5xx other than a {@code 503} with {@code Retry-After} is noted as a
 * contract violation; a dashboard that is down (refused connection) is simply not readable yet.
 */
final class ReadModel {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Longer than the dashboard's own waits (such as for a database connection), so that whatever it
	 * answers in the end is seen and checked, not cut off by the client.
	 */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(40);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI dashboard;

	private final String readKey;

	private final List<String> violations = new CopyOnWriteArrayList<>();

	ReadModel(URI dashboard, String readKey) {
		this.dashboard = dashboard;
		this.readKey = readKey;
	}

	/** Answers that break the contract, seen so far. */
	List<String> violations() {
		return List.copyOf(this.violations);
	}

	/**
	 * The brand's daily values from {@code from} to {@code to}, per metric; empty when the brand is not
	 * known (yet) or the dashboard does not answer.
	 */
	Optional<Map<String, Map<LocalDate, Double>>> series(String brand, LocalDate from, LocalDate to) {
		return get("/api/v1/brands/" + brand + "/series?from=" + from + "&to=" + to).map((series) -> {
			Map<String, Map<LocalDate, Double>> metrics = new HashMap<>();
			JsonNode dates = series.get("dates");
			for (JsonNode metric : series.get("metrics")) {
				Map<LocalDate, Double> values = new HashMap<>();
				JsonNode column = metric.get("values");
				for (int i = 0; i < dates.size(); i++) {
					if (!column.get(i).isNull()) {
						values.put(LocalDate.parse(dates.get(i).asString()), column.get(i).asDouble());
					}
				}
				metrics.put(metric.get("metric").asString(), values);
			}
			return metrics;
		});
	}

	/**
	 * The brand's scorecard with what differs between two runs over the same data taken out: when it was
	 * computed, and the brand's name (replaced by {@code <brand>} wherever it appears).
	 */
	Optional<JsonNode> comparableScorecard(String brand) {
		return get("/api/v1/brands/" + brand + "/scorecard").map((card) -> {
			ObjectNode copy = (ObjectNode) json.readTree(json.writeValueAsString(card).replace(brand, "<brand>"));
			copy.remove("scoredAt");
			return copy;
		});
	}

	private Optional<JsonNode> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.dashboard.resolve(path))
			.timeout(ANSWER_TIMEOUT)
			.header("Authorization", "Bearer " + this.readKey)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			// down, restarting or too slow: not readable now
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		int status = response.statusCode();
		if (status == 200) {
			return Optional.of(json.readTree(response.body()));
		}
		if (status >= 500 && !(status == 503 && response.headers().firstValue("Retry-After").isPresent())) {
			this.violations.add("dashboard " + path + " answered " + status + ": " + response.body());
		}
		return Optional.empty();
	}

}
