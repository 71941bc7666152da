package io.brandsignal.scoring.campaign;

import java.time.LocalDate;

/**
 * A campaign's incremental effect on one metric over a span of days: actual minus counterfactual, in the
 * metric's own units (for a FLOW metric the sum of the daily gaps, e.g. extra sales; for a LEVEL metric the
 * gap in the level at the span's last known day, e.g. extra followers still following), with its interval and
 * placebo p-value.
 *
 * @param from first day of the span
 * @param to last day of the span that was known (the lift so far while it runs)
 * @param days days in {@code from..to}
 * @param effect the incremental effect
 * @param low lower end of its interval
 * @param high upper end of its interval
 * @param counterfactual what the metric would have been without the campaign over the span (FLOW: the sum,
 * LEVEL: the level at {@code to})
 * @param relativePercent {@code 100 × effect / counterfactual}; {@link Double#NaN} when the counterfactual is
 * not positive (or the scale is signed, such as NPS)
 * @param relativeLowPercent lower end of the relative interval
 * @param relativeHighPercent upper end of the relative interval
 * @param pValue two-sided p-value of the effect against the placebo-calibrated null
 * ({@code 2 P(T > |effect| / (s × se))}, {@code s} the placebos' root mean square standardised error)
 * @param significant {@code pValue} at or below the significance level and the interval excluding 0
 */
public record Effect(LocalDate from, LocalDate to, int days, double effect, double low, double high,
		double counterfactual, double relativePercent, double relativeLowPercent, double relativeHighPercent,
		double pValue, boolean significant) {

	/** Significant and above 0: the campaign added to the metric. */
	public boolean positive() {
		return this.significant && this.low > 0;
	}

	/** Significant and below 0. */
	public boolean negative() {
		return this.significant && this.high < 0;
	}

	/** Half the interval's width (the interval is symmetric around the effect). */
	public double margin() {
		return (this.high - this.low) / 2;
	}

}
