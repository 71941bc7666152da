package io.brandsignal.ingest.observation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation rules at their edges. "Now" is 2026-11-20 23:30 UTC, so tomorrow is 2026-11-21.
 */
class ObservationValidatorTests {

	private final ObservationValidator validator = new ObservationValidator(MetricCatalog.defaults(),
			Clock.fixed(Instant.parse("2026-11-20T23:30:00Z"), ZoneOffset.UTC));

	@Test
	void readsOnlyDaysThatExistInTheStrictIsoForm() {
		assertThat(ObservationValidator.isoDay("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(ObservationValidator.isoDay("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(ObservationValidator.isoDay("2026-02-29")).isNull();
		assertThat(ObservationValidator.isoDay("2100-02-29")).isNull();
		assertThat(ObservationValidator.isoDay("2026-04-31")).isNull();
		assertThat(ObservationValidator.isoDay("2026-13-01")).isNull();
		assertThat(ObservationValidator.isoDay("2026-00-10")).isNull();
		assertThat(ObservationValidator.isoDay("2026-11-00")).isNull();
		assertThat(ObservationValidator.isoDay("2026-1-010")).isNull();
		assertThat(ObservationValidator.isoDay("2026/11/20")).isNull();
		assertThat(ObservationValidator.isoDay("+026-11-20")).isNull();
		assertThat(ObservationValidator.isoDay("2026-11-2x")).isNull();
		assertThat(ObservationValidator.isoDay("\uff12026-11-20")).isNull();
		assertThat(ObservationValidator.isoDay("2026-11-20T00:00")).isNull();
		assertThat(ObservationValidator.isoDay("")).isNull();
	}

	@Test
	void acceptsDatesFrom2000ToTomorrowInUtc() {
		assertThat(valid("acme", "followers", null, "2000-01-01", "0")).isPresent();
		assertThat(valid("acme", "followers", null, "2026-11-21", "0")).isPresent();
		assertThat(messages("acme", "followers", null, "1999-12-31", "0"))
			.containsExactly("date: must be between 2000-01-01 and 2026-11-21 (tomorrow, UTC), was 1999-12-31");
		assertThat(messages("acme", "followers", null, "2026-11-22", "0"))
			.containsExactly("date: must be between 2000-01-01 and 2026-11-21 (tomorrow, UTC), was 2026-11-22");
		assertThat(messages("acme", "followers", null, "20261120", "0"))
			.containsExactly("date: must be an ISO day (YYYY-MM-DD), was '20261120'");
	}

	@Test
	void checksValueAgainstTheMetricsRange() {
		assertThat(valid("acme", "nps", null, "2026-11-20", "-100")).isPresent();
		assertThat(messages("acme", "nps", null, "2026-11-20", "-100.5"))
			.containsExactly("value: must be -100..100 for nps (score), was -100.5");
		assertThat(valid("acme", "sentiment", null, "2026-11-20", "1")).isPresent();
		assertThat(messages("acme", "likes", null, "2026-11-20", "-1")).containsExactly("value: must be >= 0 for likes (count), was -1");
		assertThat(messages("acme", "likes", null, "2026-11-20", "1e400")).containsExactly("value: must be a finite number");
	}

	@Test
	void refusesValuesOutsideTheRangeOfADoubleWithoutWritingThemOut() {
		// A range that excludes 0 sends 1e-1000000000 (0.0 as a double) down the out-of-range branch, which
		// once wrote the value out digit by digit: a billion zeros.
		ObservationValidator withOperatorMetric = new ObservationValidator(
				MetricCatalog.defaults().withAdditional(List.of(new MetricDefinition("basket_size", MetricTier.IMPACT,
						MetricKind.LEVEL, 1, Double.POSITIVE_INFINITY, "items"))),
				Clock.fixed(Instant.parse("2026-11-20T23:30:00Z"), ZoneOffset.UTC));
		List<ItemError> errors = new ArrayList<>();
		assertThat(withOperatorMetric.validate(raw("acme", "basket_size", null, "2026-11-20", "1e-1000000000"), errors))
			.isEmpty();
		assertThat(errors).extracting(ItemError::message)
			.containsExactly("must be a finite double: 0 or at least 4.9E-324 in magnitude, was 1E-1000000000");
		assertThat(messages("acme", "likes", null, "2026-11-20", "1e1000000000"))
			.containsExactly("value: must be a finite number");
		assertThat(messages("acme", "likes", null, "2026-11-20", "1e-400"))
			.containsExactly("value: must be a finite double: 0 or at least 4.9E-324 in magnitude, was 1E-400");
		assertThat(valid("acme", "likes", null, "2026-11-20", "1e-320")).isPresent();
		assertThat(valid("acme", "likes", null, "2026-11-20", "0e-1000000000")).isPresent();
		assertThat(valid("acme", "nps", null, "2026-11-20", "1e-320")).isPresent();
		assertThat(messages("acme", "nps", null, "2026-11-20", "-1e300"))
			.containsExactly("value: must be -100..100 for nps (score), was -1" + "0".repeat(75) + "...");
	}

	@Test
	void defaultsChannelToAllAndKeepsEveryField() {
		Observation observation = valid("acme", "sales_revenue", null, "2026-11-20", "5120.50").orElseThrow();
		assertThat(observation.brand()).isEqualTo("acme");
		assertThat(observation.metric().name()).isEqualTo("sales_revenue");
		assertThat(observation.channel()).isEqualTo("all");
		assertThat(observation.date()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(observation.value()).isEqualTo(5120.5);
	}

	@Test
	void reportsEveryProblemOfAnItem() {
		assertThat(messages("ACME", "folowers", "Insta Gram", null, null)).containsExactly(
				"brand: must be a lowercase slug matching [a-z0-9][a-z0-9_-]{0,63}, was 'ACME'",
				"metric: unknown metric 'folowers'; GET /api/v1/metrics lists the known ones",
				"channel: must be a lowercase slug matching [a-z0-9][a-z0-9_-]{0,63}, was 'Insta Gram'",
				"date: is required", "value: is required");
	}

	@Test
	void acceptsSlugsUpTo64Characters() {
		assertThat(valid("a".repeat(64), "likes", "x_y-z", "2026-11-20", "1")).isPresent();
		assertThat(valid("a".repeat(65), "likes", null, "2026-11-20", "1")).isEmpty();
		assertThat(valid("-acme", "likes", null, "2026-11-20", "1")).isEmpty();
	}

	private Optional<Observation> valid(String brand, String metric, String channel, String date, String value) {
		return this.validator.validate(raw(brand, metric, channel, date, value), new ArrayList<>());
	}

	private List<String> messages(String brand, String metric, String channel, String date, String value) {
		List<ItemError> errors = new ArrayList<>();
		assertThat(this.validator.validate(raw(brand, metric, channel, date, value), errors)).isEmpty();
		return errors.stream().map((error) -> error.field() + ": " + error.message()).toList();
	}

	private static RawObservation raw(String brand, String metric, String channel, String date, String value) {
		return new RawObservation(ItemLocation.index(0), brand, metric, channel, date,
				(value != null) ? new BigDecimal(value) : null, List.of());
	}

}
