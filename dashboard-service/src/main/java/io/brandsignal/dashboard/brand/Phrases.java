package io.brandsignal.dashboard.brand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.Trend;

/**
 * The words the dashboard shows for growth with its uncertainty, for which way each side moved and for
 * the conversion evidence, so a marketer reads "+6.0 % ± 4.0 %" and "each 1 % of growth in followers
 * brings +0.8 % sales revenue" rather than bare estimates. What is not known says so: a scorecard stored
 * before the contract carried uncertainty (or one whose scorer left a field empty) reads "unknown" or
 * "n/a", never a number it does not have.
 */
public final class Phrases {

	private static final String NOT_AVAILABLE = "n/a";

	private Phrases() {
	}

	/** A signed percentage with one decimal, such as {@code +12.5 %}; {@code n/a} when unknown. */
	public static String percent(Double value) {
		if (!known(value)) {
			return NOT_AVAILABLE;
		}
		// -0.03 reads "+0.0 %", never "-0.0 %"
		return String.format(Locale.ROOT, "%+.1f %%", (Math.abs(value) < 0.05) ? 0.0 : value);
	}

	/**
	 * Growth with the half-width of its 95% confidence interval, such as {@code +6.0 % ± 4.0 %}.
	 * @param growth growth in percent, {@code null} when unknown
	 * @param margin half-width of its 95% confidence interval, {@code null} when unknown
	 * @return the words; {@code n/a} when the growth is unknown
	 */
	public static String growth(Double growth, Double margin) {
		if (!known(growth)) {
			return NOT_AVAILABLE;
		}
		return percent(growth) + (known(margin) ? String.format(Locale.ROOT, " ± %.1f %%", Math.abs(margin))
				: " (margin unknown)");
	}

	/** The trend in one word: up, down, flat or unknown. */
	public static String trend(Trend trend) {
		return (trend != null) ? trend.name().toLowerCase(Locale.ROOT) : "unknown";
	}

	/** Which way the brand's audience moved, such as {@code Audience: up — +20.0 % ± 3.0 %}. */
	public static String audience(BrandScored scorecard) {
		return side("Audience", "audience", scorecard.vanityTrend(), scorecard.vanityGrowthPercent(),
				scorecard.vanityMarginPercent(), reports(scorecard, MetricCategory.VANITY));
	}

	/** Which way the brand's outcomes moved, such as {@code Outcomes: down — -25.0 % ± 6.0 %}. */
	public static String outcomes(BrandScored scorecard) {
		return side("Outcomes", "outcome", scorecard.outcomeTrend(), scorecard.outcomeGrowthPercent(),
				scorecard.outcomeMarginPercent(), reports(scorecard, MetricCategory.OUTCOME));
	}

	private static boolean reports(BrandScored scorecard, MetricCategory side) {
		return scorecard.metrics().stream().anyMatch((growth) -> growth.category() == side);
	}

	/**
	 * Which way one side of a brand moved, with the growth behind it, such as
	 * {@code Audience: up — +20.0 % ± 3.0 %} or {@code Audience: unknown — no audience metric reported}.
	 * @param side {@code Audience} or {@code Outcomes}
	 * @param noun what the side's metrics are called in a sentence, {@code audience} or {@code outcome}
	 * @param trend the side's trend, {@code null} when the scorecard carries none
	 * @param growth the side's growth in percent, {@code null} when unknown
	 * @param margin half-width of the growth's 95% confidence interval, {@code null} when unknown
	 * @param reported whether the brand reported any metric of this side in the window
	 */
	static String side(String side, String noun, Trend trend, Double growth, Double margin,
			boolean reported) {
		String head = side + ": " + trend(trend) + " — ";
		if (!reported) {
			return head + "no " + noun + " metric reported";
		}
		if (!known(growth)) {
			return head + "too little " + noun + " data in the window";
		}
		return head + growth(growth, margin);
	}

	/**
	 * What the conversion evidence says, in one sentence: the effect with its 95% confidence interval when
	 * the lead is significant and its size known, otherwise that there is no significant lead, with the
	 * p-value whenever there is one.
	 * @param evidence the evidence, {@code null} when none was computed
	 */
	public static String effect(ConversionEvidence evidence) {
		if (evidence == null) {
			return "No evidence was computed.";
		}
		String audience = audienceSeries(evidence.vanitySeries());
		String outcomes = outcomeSeries(evidence.outcomeSeries());
		String p = known(evidence.pValue()) ? pValue(evidence.pValue()) : null;
		if (!evidence.significant()) {
			if (p == null) {
				return "No significant lead of " + audience + " over " + outcomes + ": too little data ("
						+ evidence.samples() + " paired " + ((evidence.samples() == 1) ? "day" : "days") + ").";
			}
			return "No significant lead of " + audience + " over " + outcomes + " (" + p + ").";
		}
		String when = lag(evidence.bestLagDays());
		String pPart = (p != null) ? " (" + p + ")" : "";
		if (known(evidence.elasticity()) && known(evidence.elasticityLow()) && known(evidence.elasticityHigh())) {
			return "Each 1 % of " + audience + " brings " + signed(evidence.elasticity()) + " % " + outcomes
					+ " (95 % CI " + plain(evidence.elasticityLow()) + " to " + plain(evidence.elasticityHigh())
					+ ")" + (when.isEmpty() ? "" : " " + when) + pPart + ".";
		}
		return "Significant lead of " + audience + " over " + outcomes + (when.isEmpty() ? "" : ", " + when) + pPart
				+ "; the size of the effect is too uncertain to state.";
	}

	private static String audienceSeries(String series) {
		if (series == null || series.equals("vanity")) {
			return "audience growth";
		}
		return "growth in " + words(series);
	}

	private static String outcomeSeries(String series) {
		return (series == null || series.equals("outcome")) ? "outcomes" : words(series);
	}

	private static String words(String metric) {
		return metric.replace('_', ' ');
	}

	private static String lag(Integer days) {
		if (days == null) {
			return "";
		}
		return (days == 0) ? "on the same day" : "about " + days(days) + " later";
	}

	private static String days(int days) {
		return days + ((days == 1) ? " day" : " days");
	}

	/** A p-value as a reader meets it: {@code p < 0.001} or {@code p = 0.04}. */
	static String pValue(double p) {
		return (p < 0.001) ? "p < 0.001" : "p = " + decimals(p, 3);
	}

	private static String signed(double value) {
		return ((value >= 0) ? "+" : "") + plain(value);
	}

	private static String plain(double value) {
		return decimals(value, 2);
	}

	private static String decimals(double value, int scale) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.signum() == 0) ? "0" : rounded.toPlainString();
	}

	private static boolean known(Double value) {
		return value != null && Double.isFinite(value);
	}

}
