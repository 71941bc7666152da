package io.brandsignal.dashboard.series;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DateRangeTests {

	private static final LocalDate LATEST = LocalDate.parse("2026-11-20");

	@Test
	void endsOnTheLatestDayAndSpansTheDefaultLengthWhenNothingIsGiven() {
		assertThat(DateRange.parse(null, "", () -> LATEST, 28, 1830))
			.isEqualTo(new DateRange(LocalDate.parse("2026-10-24"), LATEST));
	}

	@Test
	void keepsBothGivenDaysAndCountsThemInclusively() {
		DateRange range = DateRange.parse("2026-01-01", "2026-12-31", () -> LATEST, 28, 1830);

		assertThat(range.days()).isEqualTo(365);
	}

	@Test
	void rejectsMalformedReversedAndTooLongRanges() {
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> DateRange.parse("20-11-2026", null, () -> LATEST, 28, 1830))
			.withMessage("'from' must be an ISO date such as 2026-11-20.");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> DateRange.parse("2026-11-21", null, () -> LATEST, 28, 1830))
			.withMessage("'from' (2026-11-21) must not be after 'to' (2026-11-20).");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> DateRange.parse("2020-01-01", "2026-01-01", () -> LATEST, 28, 1830))
			.withMessage("The range spans 2193 days; at most 1830 days can be asked for.");
	}

	@Test
	void rejectsDatesWithExtremeYearsInsteadOfFailingOnTheirArithmetic() {
		// LocalDate.parse accepts these; subtracting the default 28 days from the first would throw.
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> DateRange.parse(null, "-999999999-01-01", () -> LATEST, 28, 1830))
			.withMessage("'to' must be a date between 1900-01-01 and 9999-12-31.");
		assertThatExceptionOfType(InvalidRangeException.class)
			.isThrownBy(() -> DateRange.parse("+10000-01-01", null, () -> LATEST, 28, 1830))
			.withMessage("'from' must be a date between 1900-01-01 and 9999-12-31.");
	}

}
