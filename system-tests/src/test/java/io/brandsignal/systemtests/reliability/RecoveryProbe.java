package io.brandsignal.systemtests.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Utils;

import static org.awaitility.Awaitility.await;

/**
 * Measures how long the pipeline takes to carry new data end to end again after a fault: it posts a
 * fresh value of a cell of each of its probe brands, one brand on each partition of the observations
 * topic, and reads them back from the dashboard's series, over and over, until values posted after the
 * fault began are served for every partition. The time from the fault's start to then is the scenario's
 * time to recover (for a fault held for a while, the hold is part of it).
 */
final class RecoveryProbe {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI observations;

	private final String apiKey;

	private final ReadModel readModel;

	private final List<String> brands;

	// written by Awaitility's poll thread
	private volatile int posted;

	private volatile int acknowledged;

	/**
	 * @param ingest ingest-service's base URL
	 * @param apiKey the bearer key
	 * @param readModel the dashboard to read back from
	 * @param prefix the probe brands' prefix
	 * @param partitions how many partitions the observations topic has
	 */
	RecoveryProbe(URI ingest, String apiKey, ReadModel readModel, String prefix, int partitions) {
		this.observations = ingest.resolve("/api/v1/observations");
		this.apiKey = apiKey;
		this.readModel = readModel;
		this.brands = brandsOnEveryPartition(prefix, partitions);
	}

	/** Brands keyed onto each partition once, the way ingest's producer partitions by brand. */
	static List<String> brandsOnEveryPartition(String prefix, int partitions) {
		Map<Integer, String> brands = new TreeMap<>();
		for (int i = 0; brands.size() < partitions; i++) {
			String brand = prefix + "-" + i;
			byte[] key = brand.getBytes(StandardCharsets.UTF_8);
			brands.putIfAbsent(Utils.toPositive(Utils.murmur2(key)) % partitions, brand);
		}
		return List.copyOf(brands.values());
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
		return this.brands.stream().allMatch((brand) -> {
			Optional<Double> served = this.readModel
				.series(brand, ObservationPlan.FIRST_DAY, ObservationPlan.FIRST_DAY)
				.map((series) -> series.getOrDefault("likes", Map.of()).get(ObservationPlan.FIRST_DAY));
			return served.isPresent() && served.get() >= this.acknowledged;
		});
	}

	private void post(int value) {
		StringBuilder body = new StringBuilder("brand,metric,channel,date,value\n");
		this.brands.forEach((brand) -> body.append(brand)
			.append(",likes,probe,")
			.append(ObservationPlan.FIRST_DAY)
			.append(',')
			.append(value)
			.append('\n'));
		HttpRequest request = HttpRequest.newBuilder(this.observations)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
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
