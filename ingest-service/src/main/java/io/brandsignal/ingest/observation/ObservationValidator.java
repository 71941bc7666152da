package io.brandsignal.ingest.observation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.event.ObservationRules;

import org.springframework.stereotype.Component;

/**
 * Checks raw observations against the ingest contract: slugs, a catalog metric, a day between
 * 2000-01-01 and tomorrow (UTC), and a finite value in the metric's range (the field rules are the
 * contract's {@link ObservationRules}, shared with scoring). Reports every problem of an item, not just
 * the first, so a caller can fix a batch in one round.
 */
@Component
public class ObservationValidator {

	/** The channel of observations that name none. */
	static final String DEFAULT_CHANNEL = "all";

	private final MetricCatalog catalog;

	private final Clock clock;

	public ObservationValidator(MetricCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Validates one item, adding every problem to {@code errors}.
	 * @param raw the item as read
	 * @param errors where problems are added, including those the reader found
	 * @return the valid observation, or empty when the item has any problem
	 */
	Optional<Observation> validate(RawObservation raw, List<ItemError> errors) {
		int before = errors.size();
		errors.addAll(raw.readErrors());
		ItemLocation at = raw.location();
		String brand = slug(raw, "brand", raw.brand(), true, errors);
		MetricDefinition metric = metric(raw, errors);
		String channel = slug(raw, "channel", raw.channel(), false, errors);
		LocalDate date = date(raw, errors);
		Double value = null;
		if (!raw.hasReadError("value")) {
			if (raw.value() == null) {
				errors.add(ItemError.at(at, "value", "is required"));
			}
			else {
				double number = toDouble(raw.value());
				if (number == 0 && raw.value().signum() != 0) {
					errors.add(ItemError.at(at, "value", "must be a finite double: 0 or at least " + Double.MIN_VALUE
							+ " in magnitude, was " + abbreviate(raw.value().toString())));
				}
				else {
					// Written out only for a finite value out of range: its plain form has a few hundred digits at most.
					String problem = ObservationRules.valueProblem(number, metric, raw.value()::toPlainString);
					if (problem != null) {
						errors.add(ItemError.at(at, "value", problem));
					}
					else {
						value = number;
					}
				}
			}
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new Observation(brand, metric, (channel != null) ? channel : DEFAULT_CHANNEL, date,
				value));
	}

	private String slug(RawObservation raw, String field, String text, boolean required, List<ItemError> errors) {
		if (raw.hasReadError(field)) {
			return null;
		}
		if (text == null) {
			if (required) {
				errors.add(ItemError.at(raw.location(), field, "is required"));
			}
			return null;
		}
		String problem = ObservationRules.slugProblem(text);
		if (problem != null) {
			errors.add(ItemError.at(raw.location(), field, problem));
			return null;
		}
		return text;
	}

	private MetricDefinition metric(RawObservation raw, List<ItemError> errors) {
		if (raw.hasReadError("metric")) {
			return null;
		}
		if (raw.metric() == null) {
			errors.add(ItemError.at(raw.location(), "metric", "is required"));
			return null;
		}
		Optional<MetricDefinition> metric = this.catalog.find(raw.metric());
		if (metric.isEmpty()) {
			errors.add(ItemError.at(raw.location(), "metric",
					"unknown metric '" + abbreviate(raw.metric()) + "'; GET /api/v1/metrics lists the known ones"));
			return null;
		}
		return metric.get();
	}

	private LocalDate date(RawObservation raw, List<ItemError> errors) {
		if (raw.hasReadError("date")) {
			return null;
		}
		if (raw.date() == null) {
			errors.add(ItemError.at(raw.location(), "date", "is required"));
			return null;
		}
		LocalDate date = isoDay(raw.date());
		if (date == null) {
			errors.add(ItemError.at(raw.location(), "date",
					"must be an ISO day (YYYY-MM-DD), was '" + abbreviate(raw.date()) + "'"));
			return null;
		}
		String problem = ObservationRules.dateProblem(date, this.clock.instant());
		if (problem != null) {
			errors.add(ItemError.at(raw.location(), "date", problem));
			return null;
		}
		return date;
	}

	/**
	 * The day a strict {@code YYYY-MM-DD} text names, or {@code null} when it is not one (wrong shape, or a
	 * day that does not exist such as 2026-02-30). Hand-written: a {@code DateTimeFormatter} parse was a
	 * tenth of the request's CPU.
	 */
	static LocalDate isoDay(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** The decimal number in {@code text[from, to)}, or -1 when any character there is not an ASCII digit. */
	private static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/**
	 * The value as a double: infinite when its magnitude is beyond a double's, 0 when it is below the
	 * smallest double. Decided on the decimal exponent alone, so {@code 1e-1000000000} costs no more than
	 * {@code 1}.
	 */
	static double toDouble(BigDecimal value) {
		if (value.signum() == 0) {
			return 0;
		}
		// value = d.ddd x 10^exponent; scale may be near Integer.MIN_VALUE, hence long arithmetic.
		long exponent = (long) value.precision() - value.scale() - 1;
		if (exponent > Double.MAX_EXPONENT / 3) {
			return (value.signum() > 0) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
		}
		if (exponent < -400) {
			return 0;
		}
		return value.doubleValue();
	}

	private static String abbreviate(String text) {
		return ObservationRules.abbreviate(text);
	}

}
