package io.brandsignal.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeds demo brands through the public ingest API, one per verdict, with half a year of daily history
 * shaped so the verdicts are meaningful: a brand whose sales follow its followers a week later, one
 * that bought followers and sells no more, one that sells more without a bigger audience, one losing
 * sales, one where nothing moves, and one too new to judge. Deterministic: the same calls every time,
 * and since observations are upserts, seeding twice changes nothing.
 */
public final class DemoSeeder {

	/** Days of history per demo brand. */
	static final int HISTORY_DAYS = 180;

	private static final int BATCH_SIZE = 2_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI ingestUrl;

	private final String apiKey;

	public DemoSeeder(URI ingestUrl, String apiKey) {
		this.ingestUrl = ingestUrl;
		this.apiKey = apiKey;
	}

	/** One demo observation; the launcher posts them as JSON. */
	record Observation(String brand, String metric, String channel, LocalDate date, double value) {

		String toJson() {
			return String.format(Locale.ROOT,
					"{\"brand\":\"%s\",\"metric\":\"%s\",\"channel\":\"%s\",\"date\":\"%s\",\"value\":%.2f}",
					this.brand, this.metric, this.channel, this.date, this.value);
		}

	}

	/** Posts every demo brand's history, ending today (UTC). Returns the number of observations sent. */
	public int seed(Consumer<String> progress) {
		List<Observation> observations = demoObservations(LocalDate.now(ZoneOffset.UTC));
		for (int from = 0; from < observations.size(); from += BATCH_SIZE) {
			post(observations.subList(from, Math.min(observations.size(), from + BATCH_SIZE)));
		}
		progress.accept("Seeded " + observations.size() + " demo observations for 6 brands");
		return observations.size();
	}

	static List<Observation> demoObservations(LocalDate today) {
		List<Observation> all = new ArrayList<>();
		LocalDate start = today.minusDays(HISTORY_DAYS - 1);
		Random random = new Random(42);
		double[] builderFollowers = new double[HISTORY_DAYS];
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = start.plusDays(day);
			double progressRatio = day / (double) (HISTORY_DAYS - 1);

			// BRAND_BUILDER: audience grows about 1% a day with some wobble; sales follow a week later.
			builderFollowers[day] = 20_000 * Math.exp(0.01 * day + 0.03 * Math.sin(day / 3.0))
					* (1 + 0.01 * random.nextGaussian());
			double lagged = builderFollowers[Math.max(0, day - 7)] / 20_000;
			all.add(new Observation("northwind-coffee", "followers", "instagram", date, Math.round(builderFollowers[day])));
			all.add(new Observation("northwind-coffee", "engagements", "instagram", date,
					Math.round(builderFollowers[day] * 0.04 * (1 + 0.05 * random.nextGaussian()))));
			all.add(new Observation("northwind-coffee", "sales_revenue", "shop", date,
					round2(4_000 * lagged * (1 + 0.02 * random.nextGaussian()))));
			all.add(new Observation("northwind-coffee", "brand_awareness", "survey", date,
					round2(18 + 22 * progressRatio)));

			// VANITY_TRAP: followers bought in bulk (one spike), engagement and sales do not move.
			double glitterFollowers = 50_000 * (1 + 0.6 * progressRatio) + ((day >= HISTORY_DAYS - 12) ? 15_000 : 0);
			all.add(new Observation("glitter-gadgets", "followers", "tiktok", date,
					Math.round(glitterFollowers * (1 + 0.002 * random.nextGaussian()))));
			all.add(new Observation("glitter-gadgets", "likes", "tiktok", date,
					Math.round(1_500 * (1 + 0.05 * random.nextGaussian()))));
			all.add(new Observation("glitter-gadgets", "sales_revenue", "shop", date,
					round2(2_500 * (1 + 0.03 * random.nextGaussian()))));

			// QUIET_PERFORMER: a flat audience, sales up about 1.2% a day, loyalty rising.
			all.add(new Observation("oak-and-iron", "followers", "instagram", date,
					Math.round(8_000 * (1 + 0.001 * random.nextGaussian()))));
			all.add(new Observation("oak-and-iron", "sales_revenue", "shop", date,
					round2(3_000 * Math.exp(0.012 * day) * (1 + 0.02 * random.nextGaussian()))));
			all.add(new Observation("oak-and-iron", "nps", "survey", date, round2(20 + 25 * progressRatio)));

			// DECLINING: audience stalls, sales fall about 1.2% a day.
			all.add(new Observation("fading-fashion", "followers", "instagram", date,
					Math.round(30_000 * (1 - 0.02 * progressRatio) * (1 + 0.001 * random.nextGaussian()))));
			all.add(new Observation("fading-fashion", "sales_revenue", "shop", date,
					round2(6_000 * Math.exp(-0.012 * day) * (1 + 0.02 * random.nextGaussian()))));

			// STEADY: nothing moves.
			all.add(new Observation("steady-state-tea", "followers", "facebook", date,
					Math.round(12_000 * (1 + 0.001 * random.nextGaussian()))));
			all.add(new Observation("steady-state-tea", "sales_revenue", "shop", date,
					round2(1_800 * (1 + 0.01 * random.nextGaussian()))));
		}
		// INSUFFICIENT_DATA: a brand that started reporting three days ago.
		for (int day = 0; day < 3; day++) {
			all.add(new Observation("new-kid-cola", "followers", "instagram", today.minusDays(2 - day), 500 + 40 * day));
		}
		return all;
	}

	private void post(List<Observation> batch) {
		StringBuilder body = new StringBuilder("{\"observations\":[");
		for (int i = 0; i < batch.size(); i++) {
			body.append((i > 0) ? "," : "").append(batch.get(i).toJson());
		}
		body.append("]}");
		HttpRequest request = HttpRequest.newBuilder(this.ingestUrl.resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 202) {
				throw new IllegalStateException(
						"ingest-service refused demo data: " + response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach ingest-service at " + this.ingestUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding demo data", ex);
		}
	}

	private static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
