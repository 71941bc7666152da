package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Verdict;

/**
 * The plain-language explanation of a scorecard, built only from its numbers, for example
 * "Followers +38% in 28 days; sales revenue +1%; no sign that audience growth leads sales revenue
 * (best lag 3 days, p = 0.61). The audience is growing without a matching rise in outcomes."
 */
final class Explanation {

	private final ScoringRules rules;

	private final LocalDate asOf;

	private final List<MetricGrowth> growths;

	private final Double vanityGrowth;

	private final Double outcomeGrowth;

	private final Optional<String> audienceMetric;

	private final Optional<String> outcomeMetric;

	private final ConversionEvidence evidence;

	private final Verdict verdict;

	private final Optional<SpikeDetector.Spike> spike;

	Explanation(ScoringRules rules, LocalDate asOf, List<MetricGrowth> growths, Double vanityGrowth,
			Double outcomeGrowth, Optional<String> audienceMetric, Optional<String> outcomeMetric,
			ConversionEvidence evidence, Verdict verdict, Optional<SpikeDetector.Spike> spike) {
		this.rules = rules;
		this.asOf = asOf;
		this.growths = growths;
		this.vanityGrowth = vanityGrowth;
		this.outcomeGrowth = outcomeGrowth;
		this.audienceMetric = audienceMetric;
		this.outcomeMetric = outcomeMetric;
		this.evidence = evidence;
		this.verdict = verdict;
		this.spike = spike;
	}

	String text() {
		StringBuilder text = new StringBuilder();
		if (this.verdict == Verdict.INSUFFICIENT_DATA) {
			text.append(insufficient());
		}
		else {
			text.append(numbers()).append(' ').append(meaning());
		}
		this.spike.ifPresent((jump) -> text.append(' ').append(spike(jump)));
		return text.toString();
	}

	private String insufficient() {
		String have = this.growths.isEmpty() ? "none"
				: this.growths.stream()
					.map((growth) -> label(growth.metric()) + " " + days(growth.daysObserved()))
					.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT,
				"Not enough data to score the %d days to %s: an audience metric and an outcome metric each need "
						+ "a known start and end and at least %d reported days (reported: %s).",
				this.rules.windowDays(), this.asOf, this.rules.minObservedDays(), have);
	}

	private String numbers() {
		String audience = sideGrowth(this.audienceMetric, this.vanityGrowth, "audience");
		String outcomes = sideGrowth(this.outcomeMetric, this.outcomeGrowth, "outcomes");
		return capitalize(audience) + " in " + this.rules.windowDays() + " days; " + outcomes + "; " + evidence() + ".";
	}

	private String sideGrowth(Optional<String> metric, Double combined, String sideName) {
		Optional<MetricGrowth> primary = metric.flatMap((name) -> this.growths.stream()
			.filter((growth) -> growth.metric().equals(name) && growth.growthPercent() != null)
			.findFirst());
		if (primary.isPresent()) {
			return label(primary.get().metric()) + " " + percent(primary.get().growthPercent());
		}
		return sideName + " " + percent(combined);
	}

	private String evidence() {
		String outcome = label(this.evidence.outcomeSeries());
		if (this.evidence.bestLagDays() == null) {
			if (this.evidence.samples() >= this.rules.minEvidenceSamples()) {
				// a series with no day-to-day variation (often flat sales) has no correlation to test
				return "the daily series did not vary enough to test whether audience growth leads " + outcome;
			}
			return String.format(Locale.ROOT,
					"too little history to test whether audience growth leads %s (%d paired days, %d needed)",
					outcome, this.evidence.samples(), this.rules.minEvidenceSamples());
		}
		if (this.evidence.significant()) {
			return String.format(Locale.ROOT, "audience growth leads %s by about %s (elasticity %.2f, %s)", outcome,
					days(this.evidence.bestLagDays()), this.evidence.elasticity(), pValue(this.evidence.pValue()));
		}
		return String.format(Locale.ROOT, "no sign that audience growth leads %s (best lag %s, %s)", outcome,
				days(this.evidence.bestLagDays()), pValue(this.evidence.pValue()));
	}

	private String meaning() {
		return switch (this.verdict) {
			case BRAND_BUILDER -> "Audience and outcomes are growing together.";
			case VANITY_TRAP -> "The audience is growing without a matching rise in outcomes.";
			case QUIET_PERFORMER -> "Outcomes are growing without audience growth.";
			case DECLINING -> "Outcomes are falling and the audience is not growing.";
			case STEADY -> (this.vanityGrowth != null && this.vanityGrowth <= -this.rules.vanityGrowthThresholdPercent())
					? "The audience is shrinking while outcomes hold steady." : "Neither the audience nor outcomes moved much.";
			case INSUFFICIENT_DATA -> "";
		};
	}

	private static String spike(SpikeDetector.Spike spike) {
		String share = Double.isFinite(spike.percent()) ? " (" + percent(spike.percent()) + ")" : "";
		return String.format(Locale.ROOT, "%s jumped by %,.0f%s on %s with no matching rise in engagement.",
				capitalize(label(spike.metric())), spike.increase(), share, spike.date());
	}

	static String percent(double value) {
		double rounded = (Math.abs(value) >= 10) ? Math.round(value) : Math.round(value * 10) / 10.0;
		if (rounded == 0) {
			return "0%";
		}
		String digits = (rounded == Math.rint(rounded)) ? String.format(Locale.ROOT, "%.0f", Math.abs(rounded))
				: String.format(Locale.ROOT, "%.1f", Math.abs(rounded));
		return ((rounded > 0) ? "+" : "-") + digits + "%";
	}

	static String pValue(double p) {
		if (p < 0.001) {
			return "p < 0.001";
		}
		return String.format(Locale.ROOT, (p < 0.01) ? "p = %.3f" : "p = %.2f", p);
	}

	private static String days(int days) {
		return days + ((days == 1) ? " day" : " days");
	}

	private static String label(String metric) {
		return metric.replace('_', ' ');
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
