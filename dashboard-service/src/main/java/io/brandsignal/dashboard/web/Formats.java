package io.brandsignal.dashboard.web;

import java.util.Locale;

import io.brandsignal.contract.event.Trend;
import io.brandsignal.dashboard.brand.Phrases;

import org.springframework.stereotype.Component;

/**
 * Number formats the pages share, reachable in templates as {@code @formats}; unknown values read
 * "n/a" rather than a blank a reader might take for zero.
 */
@Component("formats")
public class Formats {

	/** A signed percentage with one decimal, such as {@code +12.5 %}. */
	public String percent(Double value) {
		return Phrases.percent(value);
	}

	/** A side's trend in one word: up, down, flat or unknown. */
	public String trend(Trend trend) {
		return Phrases.trend(trend);
	}

	/** A 0-100 score with one decimal. */
	public String score(Double value) {
		return (value != null && Double.isFinite(value)) ? String.format(Locale.ROOT, "%.1f", value) : "n/a";
	}

	/** A plain number with up to three decimals. */
	public String number(Double value) {
		if (value == null || !Double.isFinite(value)) {
			return "n/a";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value.doubleValue());
		}
		return String.format(Locale.ROOT, "%,.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	/** A probability, small ones in scientific notation. */
	public String probability(Double value) {
		if (value == null || !Double.isFinite(value)) {
			return "n/a";
		}
		return (value < 0.001) ? String.format(Locale.ROOT, "%.1e", value) : String.format(Locale.ROOT, "%.3f", value);
	}

}
