package io.brandsignal.systemtests.soak;

import java.time.Duration;

/**
 * What a soak run does, from system properties so a shorter run is one flag away
 * ({@code -Dsoak.duration=PT2M}).
 *
 * @param duration how long the load runs ({@code soak.duration}, ISO-8601, default 10 minutes)
 * @param rate observations posted per second ({@code soak.rate}, default 1,000)
 * @param readers dashboard readers, each polling the API and holding one live stream open ({@code soak.readers}, default 20)
 * @param brands brands the load spreads over ({@code soak.brands}, default 200)
 * @param days days of history per brand the load writes into, upserting the same cells again and again
 * ({@code soak.days}, default 90), so the state stops growing once every cell exists
 * @param sampleInterval how often heap after GC and memory are sampled ({@code soak.sample}, default 30 s)
 * @param scaleOut whether a second scoring-service with an empty state directory joins after the load and
 * the time until it holds partitions is measured ({@code soak.scaleOut}, default true)
 */
record SoakSettings(Duration duration, int rate, int readers, int brands, int days, Duration sampleInterval,
		boolean scaleOut) {

	static SoakSettings fromSystemProperties() {
		return new SoakSettings(Duration.parse(System.getProperty("soak.duration", "PT10M")),
				Integer.getInteger("soak.rate", 1000), Integer.getInteger("soak.readers", 20),
				Integer.getInteger("soak.brands", 200), Integer.getInteger("soak.days", 90),
				Duration.parse(System.getProperty("soak.sample", "PT30S")),
				Boolean.parseBoolean(System.getProperty("soak.scaleOut", "true")));
	}

}
