package io.brandsignal.systemtests.reliability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The known input of one scenario: every observation the load client posts, in the batches and order it
 * posts them. The same seed gives the same values for every scenario; only the brand names carry the
 * scenario's prefix, so each scenario's scorecards can be compared with a clean run's.
 * <p>
 * Per brand: {@code followers} (LEVEL, one channel), {@code likes} and {@code sales_revenue} (FLOW, two
 * channels each), one value a day over {@link #DAYS} days. Each brand belongs to one lane (client
 * thread), which posts its batches one after the other; within a lane the days are shuffled (out of
 * order), some cells are first posted with a wrong value and corrected in a later batch, and some are
 * posted twice with the same value. Every third batch is CSV, the others JSON.
 *
 * @param prefix the scenario's brand prefix
 * @param lanes the batches of each lane, in posting order
 */
record ObservationPlan(String prefix, List<List<Batch>> lanes) {

	static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 1);

	static final int DAYS = 60;

	static final int BRANDS = 20;

	static final int BATCH_SIZE = 25;

	/** Metric, kind and channels, in the order the series API lists them. */
	static final List<MetricChannels> METRICS = List.of(new MetricChannels("followers", false, List.of("instagram")),
			new MetricChannels("likes", true, List.of("instagram", "tiktok")),
			new MetricChannels("sales_revenue", true, List.of("marketplace", "shop")));

	private static final long SEED = 13;

	/** One metric of the plan, whether it is a FLOW, and its channels. */
	record MetricChannels(String metric, boolean flow, List<String> channels) {
	}

	/** One channel's value of a metric on a day. */
	record Observation(String brand, String metric, String channel, LocalDate date, double value) {

		Cell cell() {
			return new Cell(this.brand, this.metric, this.channel, this.date);
		}

	}

	/** The cell an observation upserts. */
	record Cell(String brand, String metric, String channel, LocalDate date) {
	}

	/** One request body's observations, sent as CSV or JSON. */
	record Batch(List<Observation> observations, boolean csv) {

		String contentType() {
			return this.csv ? "text/csv" : "application/json";
		}

		String body() {
			if (this.csv) {
				StringBuilder body = new StringBuilder("brand,metric,channel,date,value\n");
				for (Observation o : this.observations) {
					body.append(o.brand()).append(',').append(o.metric()).append(',').append(o.channel()).append(',')
						.append(o.date()).append(',').append(number(o.value())).append('\n');
				}
				return body.toString();
			}
			StringJoiner items = new StringJoiner(",", "{\"observations\":[", "]}");
			for (Observation o : this.observations) {
				items.add(String.format(Locale.ROOT,
						"{\"brand\":\"%s\",\"metric\":\"%s\",\"channel\":\"%s\",\"date\":\"%s\",\"value\":%s}",
						o.brand(), o.metric(), o.channel(), o.date(), number(o.value())));
			}
			return items.toString();
		}

		private static String number(double value) {
			return String.format(Locale.ROOT, "%.0f", value);
		}

	}

	/** The brand of index {@code i} in this plan. */
	static String brand(String prefix, int i) {
		return String.format(Locale.ROOT, "%s-b%02d", prefix, i);
	}

	String brand(int i) {
		return brand(this.prefix, i);
	}

	/** The plan of a scenario: {@value #BRANDS} brands spread over {@code laneCount} lanes. */
	static ObservationPlan of(String prefix, int laneCount) {
		List<List<Batch>> lanes = new ArrayList<>();
		for (int lane = 0; lane < laneCount; lane++) {
			List<Send> sends = new ArrayList<>();
			Random random = new Random(SEED + lane);
			for (int i = lane; i < BRANDS; i += laneCount) {
				sends.addAll(brandSends(brand(prefix, i), new Random(SEED * 1000 + i), random));
			}
			sends.sort(Comparator.comparingDouble(Send::order));
			List<Batch> batches = new ArrayList<>();
			for (int from = 0; from < sends.size(); from += BATCH_SIZE) {
				List<Observation> items = sends.subList(from, Math.min(sends.size(), from + BATCH_SIZE))
					.stream()
					.map(Send::observation)
					.toList();
				batches.add(new Batch(items, batches.size() % 3 == 2));
			}
			requireEachCellOncePerBatch(batches);
			lanes.add(List.copyOf(batches));
		}
		return new ObservationPlan(prefix, List.copyOf(lanes));
	}

	/** Two sends of one cell in one batch would leave it open which one wins: the plan never does that. */
	private static void requireEachCellOncePerBatch(List<Batch> batches) {
		for (Batch batch : batches) {
			long cells = batch.observations().stream().map(Observation::cell).distinct().count();
			if (cells != batch.observations().size()) {
				throw new IllegalStateException("A batch of the plan holds one cell twice: " + batch.observations());
			}
		}
	}

	/** An observation and where it goes in its lane's order. */
	private record Send(Observation observation, double order) {
	}

	/**
	 * A brand's sends: each cell once in a shuffled position, 5% of them first with a wrong value that a
	 * send at least a batch later corrects, and 5% sent again unchanged a batch or more later. The values
	 * (whole numbers, so sums are exact) depend only on the brand's index: audience growth that sales
	 * follow for some brands, audience growth alone for others.
	 */
	private static List<Send> brandSends(String brand, Random values, Random order) {
		List<Send> sends = new ArrayList<>();
		double growth = values.nextInt(40);
		boolean converts = values.nextBoolean();
		for (int day = 0; day < DAYS; day++) {
			LocalDate date = FIRST_DAY.plusDays(day);
			double followers = 10_000 + growth * day + values.nextInt(30);
			add(sends, new Observation(brand, "followers", "instagram", date, followers), values, order);
			for (String channel : METRICS.get(1).channels()) {
				add(sends, new Observation(brand, "likes", channel, date, 200 + values.nextInt(100)), values, order);
			}
			double lift = converts ? growth * Math.max(0, day - 7) : 0;
			for (String channel : METRICS.get(2).channels()) {
				add(sends, new Observation(brand, "sales_revenue", channel, date,
						1_000 + Math.round(lift) + values.nextInt(200)), values, order);
			}
		}
		return sends;
	}

	private static void add(List<Send> sends, Observation observation, Random values, Random order) {
		// a lane's ~1,600 sends spread over 0..6,000, about one per 4 units
		double position = order.nextDouble() * DAYS * 5 * BRANDS;
		int kind = values.nextInt(20);
		if (kind == 0) {
			Observation wrong = new Observation(observation.brand(), observation.metric(), observation.channel(),
					observation.date(), observation.value() * 3 + 7);
			sends.add(new Send(wrong, position));
			sends.add(new Send(observation, position + laterBy(order)));
		}
		else if (kind == 1) {
			sends.add(new Send(observation, position));
			sends.add(new Send(observation, position + laterBy(order)));
		}
		else {
			sends.add(new Send(observation, position));
		}
	}

	private static double laterBy(Random order) {
		// 500 units are about 125 sends, five batches: the second send goes in a later batch
		return 500 + order.nextDouble() * 2000;
	}

	/** How many observations the plan posts (second sends included). */
	int observationCount() {
		return this.lanes.stream().flatMap(List::stream).mapToInt((batch) -> batch.observations().size()).sum();
	}

}
