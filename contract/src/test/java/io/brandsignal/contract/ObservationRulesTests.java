package io.brandsignal.contract;

import java.time.Instant;
import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.event.ObservationRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field rules ingest and scoring share, at their edges. Received 2026-11-20 23:30 UTC, so the latest
 * day is 2026-11-21.
 */
class ObservationRulesTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-20T23:30:00Z");

	private static final MetricDefinition NPS = MetricCatalog.defaults().find("nps").orElseThrow();

	@Test
	void namesMustBeLowercaseSlugs() {
		assertThat(ObservationRules.slugProblem("acme-eu")).isNull();
		assertThat(ObservationRules.slugProblem(null)).isEqualTo("is required");
		assertThat(ObservationRules.slugProblem("Acme"))
			.isEqualTo("must be a lowercase slug matching [a-z0-9][a-z0-9_-]{0,63}, was 'Acme'");
	}

	@Test
	void daysRunFrom2000ToTheDayAfterReceipt() {
		assertThat(ObservationRules.dateProblem(LocalDate.of(2000, 1, 1), RECEIVED)).isNull();
		assertThat(ObservationRules.dateProblem(LocalDate.of(2026, 11, 21), RECEIVED)).isNull();
		assertThat(ObservationRules.dateProblem(LocalDate.of(1999, 12, 31), RECEIVED))
			.isEqualTo("must be between 2000-01-01 and 2026-11-21 (tomorrow, UTC), was 1999-12-31");
		assertThat(ObservationRules.dateProblem(LocalDate.of(2026, 11, 22), RECEIVED))
			.isEqualTo("must be between 2000-01-01 and 2026-11-21 (tomorrow, UTC), was 2026-11-22");
		assertThat(ObservationRules.dateProblem(null, RECEIVED)).isEqualTo("is required");
	}

	@Test
	void valuesMustBeFiniteAndInTheMetricsRange() {
		assertThat(ObservationRules.valueProblem(-100, NPS, () -> "-100")).isNull();
		assertThat(ObservationRules.valueProblem(100, NPS, () -> "100")).isNull();
		assertThat(ObservationRules.valueProblem(-100.5, NPS, () -> "-100.50"))
			.isEqualTo("must be -100..100 for nps (score), was -100.50");
		assertThat(ObservationRules.valueProblem(Double.NaN, NPS, () -> "NaN")).isEqualTo("must be a finite number");
		assertThat(ObservationRules.valueProblem(Double.POSITIVE_INFINITY, null, () -> "1e400"))
			.isEqualTo("must be a finite number");
		assertThat(ObservationRules.valueProblem(-5, null, () -> "-5")).as("unknown metric: no range to check").isNull();
		assertThat(ObservationRules.valueProblem(101, NPS)).isEqualTo("must be -100..100 for nps (score), was 101.0");
		assertThat(ObservationRules.valueProblem(99.5, NPS)).isNull();
	}

	@Test
	void echoesAtMost80CharactersOfWhatWasSent() {
		assertThat(ObservationRules.slugProblem("X".repeat(1_000_000))).endsWith(", was '" + "X".repeat(77) + "...'");
	}

}
