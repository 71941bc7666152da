package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * Measures how long the pipeline takes to carry new data end to end again after a fault: it posts a
 * fresh value of a probe brand's cell and reads it back from the dashboard's series, over and over,
 * until a value posted after the fault began is served. The time from the fault's start to then is the
 * scenario's time to recover (for a fault held for a while, the hold is part of it).
 */
final class RecoveryProbe {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI observations;

	private final String apiKey;

	private final ReadModel readModel;

	private final String brand;

	private int posted;

	private int acknowledged;

	RecoveryProbe(URI ingest, String apiKey, ReadModel readModel, String brand) {
		this.observations = ingest.resolve("/api/v1/observations");
		this.apiKey = apiKey;
		this.readModel = readModel;
		this.brand = brand;
	}

	/** Waits until a value posted from now on is served, and returns the time since {@code faultStart}. */
	Duration awaitRecovery(Instant faultStart, Duration atMost) {
		await("a value posted after the fault served by the dashboard").atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(this::probe);
		return Duration.between(faultStart, Instant.now());
	}

	private boolean probe() {
		if (this.acknowledged == 0 || this.acknowledged < this.posted) {
			post(++this.posted);
		}
		if (this.acknowledged == 0) {
			return false;
		}
		Optional<Double> served = this.readModel
			.series(this.brand, ObservationPlan.FIRST_DAY, ObservationPlan.FIRST_DAY)
			.map((series) -> series.getOrDefault("likes", Map.of()).get(ObservationPlan.FIRST_DAY));
		return served.isPresent() && served.get() >= this.acknowledged;
	}

	private void post(int value) {
		String body = "brand,metric,channel,date,value\n" + this.brand + ",likes,probe," + ObservationPlan.FIRST_DAY
				+ "," + value + "\n";
		HttpRequest request = HttpRequest.newBuilder(this.observations)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
				this.acknowledged = value;
			}
		}
		catch (IOException ex) {
			// ingest down or its broker away: the next poll tries again
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
