package io.brandsignal.scoring.scorecard;

import java.util.Locale;

/**
 * How explanations write numbers, shared by the brand's scorecard and the campaign results so both read alike:
 * percentages as whole numbers from 10 % up and with one decimal below, p-values to two or three decimals.
 */
public final class Wording {

	private Wording() {
	}

	/** "+12%", "-0.4%", "0%". */
	public static String percent(double value) {
		double rounded = (Math.abs(value) >= 10) ? Math.round(value) : Math.round(value * 10) / 10.0;
		if (rounded == 0) {
			return "0%";
		}
		String digits = (rounded == Math.rint(rounded)) ? String.format(Locale.ROOT, "%.0f", Math.abs(rounded))
				: String.format(Locale.ROOT, "%.1f", Math.abs(rounded));
		return ((rounded > 0) ? "+" : "-") + digits + "%";
	}

	/** "p = 0.41", "p = 0.004", "p < 0.001". */
	public static String pValue(double p) {
		if (p < 0.001) {
			return "p < 0.001";
		}
		return String.format(Locale.ROOT, (p < 0.01) ? "p = %.3f" : "p = %.2f", p);
	}

}
