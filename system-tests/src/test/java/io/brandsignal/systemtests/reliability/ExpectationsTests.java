package io.brandsignal.systemtests.reliability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.systemtests.reliability.ObservationPlan.Batch;
import io.brandsignal.systemtests.reliability.ObservationPlan.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's own yardstick: the plan holds what the scenarios claim to send, and the comparison tells
 * a lost or double-counted cell from a present one. Worked out by hand, no stack needed.
 */
class ExpectationsTests {

	private static final LocalDate DAY = ObservationPlan.FIRST_DAY;

	@Test
	void planSendsEveryCellWithCorrectionsDuplicatesAndBothFormats() {
		ObservationPlan plan = ObservationPlan.of("t", 4);
		List<Batch> batches = plan.lanes().stream().flatMap(List::stream).toList();
		long cells = batches.stream().flatMap((b) -> b.observations().stream()).map(Observation::cell).distinct().count();
		// per brand: followers on 1 channel, likes and sales_revenue on 2, every day
		assertThat(cells).isEqualTo(ObservationPlan.BRANDS * 5L * ObservationPlan.DAYS);
		assertThat(plan.observationCount()).as("second sends").isGreaterThan((int) cells + 400);
		assertThat(batches).anyMatch(Batch::csv).anyMatch((batch) -> !batch.csv());
		List<LocalDate> days = batches.get(0).observations().stream().map(Observation::date).toList();
		assertThat(days).as("days out of order").isNotEqualTo(days.stream().sorted().toList());
	}

	@Test
	void lastAcknowledgedValueOfACellCounts() {
		Expectations expected = new Expectations(List.of(followers("a", 10), followers("a", 12)));
		assertThat(expected.compare(series("a", "followers", 12.0)).present()).isEqualTo(1);
		assertThat(expected.compare(series("a", "followers", 10.0)).lost()).isEqualTo(1);
	}

	@Test
	void flowDayIsTheSumOverItsChannelsAndALargerOneCountsTwice() {
		Expectations expected = new Expectations(List.of(likes("a", "instagram", 5), likes("a", "tiktok", 7)));
		assertThat(expected.compare(series("a", "likes", 12.0)).present()).isEqualTo(2);
		assertThat(expected.compare(series("a", "likes", 17.0)).duplicated()).isEqualTo(2);
		assertThat(expected.compare(series("a", "likes", 5.0)).lost()).isEqualTo(2);
	}

	@Test
	void missingDayOrBrandIsLost() {
		Expectations expected = new Expectations(List.of(followers("a", 10), followers("b", 3)));
		Expectations.Comparison comparison = expected.compare(series("a", "other", 1.0));
		assertThat(comparison.lost()).isEqualTo(2);
		assertThat(comparison.complete()).isFalse();
	}

	private static Observation followers(String brand, double value) {
		return new Observation(brand, "followers", "instagram", DAY, value);
	}

	private static Observation likes(String brand, String channel, double value) {
		return new Observation(brand, "likes", channel, DAY, value);
	}

	private static Map<String, Map<String, Map<LocalDate, Double>>> series(String brand, String metric, double value) {
		Map<String, Map<String, Map<LocalDate, Double>>> series = new HashMap<>();
		series.put(brand, Map.of(metric, Map.of(DAY, value)));
		return series;
	}

}
