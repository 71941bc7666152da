package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;

import static io.brandsignal.scoring.scorecard.Wording.pValue;
import static io.brandsignal.scoring.scorecard.Wording.percent;

/**
 * The plain-language explanation of a scorecard, built only from its numbers and never contradicting
 * them: each side is cited by the combined growth its trend rests on, with its margin, for example
 * "Audience +12% ± 3% in 28 days (followers +12% ± 3%); outcomes +1% ± 4% (sales revenue +1% ± 4%); no
 * sign that audience growth leads sales revenue (p = 0.61). The audience is growing without a clear rise
 * in outcomes."
 */
final class Explanation {

	private static final int CITED_METRICS = 3;

	private final ScoringRules rules;

	private final LocalDate asOf;

	private final List<MetricGrowth> growths;

	private final BrandScorer.SideGrowth audience;

	private final BrandScorer.SideGrowth outcomes;

	private final ConversionEvidence evidence;

	private final Verdict verdict;

	private final Optional<SpikeDetector.Spike> spike;

	Explanation(ScoringRules rules, LocalDate asOf, List<MetricGrowth> growths, BrandScorer.SideGrowth audience,
			BrandScorer.SideGrowth outcomes, ConversionEvidence evidence, Verdict verdict,
			Optional<SpikeDetector.Spike> spike) {
		this.rules = rules;
		this.asOf = asOf;
		this.growths = growths;
		this.audience = audience;
		this.outcomes = outcomes;
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
				"Not enough data to score the %d days to %s: an outcome metric needs a trend over the window "
						+ "from at least %d reported days (reported: %s).",
				this.rules.window().days(), this.asOf, this.rules.growth().minObservedDays(), have);
	}

	private String numbers() {
		String audienceText = (this.audience.trend() == Trend.UNKNOWN)
				? "Audience unknown (no audience metric with enough data)"
				: "Audience " + side(this.audience, MetricCategory.VANITY);
		String outcomeText = "outcomes " + side(this.outcomes, MetricCategory.OUTCOME);
		return audienceText + " in " + this.rules.window().days() + " days; " + outcomeText + "; " + evidenceText()
				+ ".";
	}

	/** "+8% ± 3% (followers +12% ± 2%, likes 0% ± 9%)": the combined figure, then the metrics it rests on. */
	private String side(BrandScorer.SideGrowth side, MetricCategory category) {
		String metrics = this.growths.stream()
			.filter((growth) -> growth.category() == category && growth.growthPercent() != null
					&& growth.daysObserved() >= this.rules.growth().minObservedDays())
			.limit(CITED_METRICS)
			.map((growth) -> label(growth.metric()) + " " + withMargin(growth.growthPercent(), growth.marginPercent()))
			.collect(Collectors.joining(", "));
		return withMargin(side.percent(), side.margin()) + (metrics.isEmpty() ? "" : " (" + metrics + ")");
	}

	private String evidenceText() {
		String outcome = label(this.evidence.outcomeSeries());
		if (this.evidence.bestLagDays() == null) {
			if (this.evidence.samples() >= this.rules.evidence().minPairedDays()) {
				return "the daily series did not vary enough to test whether audience growth leads " + outcome;
			}
			return String.format(Locale.ROOT,
					"too little history to test whether audience growth leads %s (%d paired days, %d needed)",
					outcome, this.evidence.samples(), this.rules.evidence().minPairedDays());
		}
		if (!this.evidence.significant()) {
			return String.format(Locale.ROOT, "no sign that audience growth leads %s (%s)", outcome,
					pValue(this.evidence.pValue()));
		}
		String lead = String.format(Locale.ROOT, "audience growth leads %s by about %s", outcome,
				days(this.evidence.bestLagDays()));
		if (this.evidence.elasticity() != null && this.evidence.elasticityLow() != null
				&& this.evidence.elasticityHigh() != null) {
			return String.format(Locale.ROOT,
					"%s (each 1%% of audience growth in a day moves %s by %s, 95%% CI %s to %s; %s)", lead, outcome,
					percent(this.evidence.elasticity()), percent(this.evidence.elasticityLow()),
					percent(this.evidence.elasticityHigh()), pValue(this.evidence.pValue()));
		}
		return lead + " (" + pValue(this.evidence.pValue()) + ")";
	}

	private String meaning() {
		return switch (this.verdict) {
			case BRAND_BUILDER -> "Audience and outcomes are growing together.";
			case VANITY_TRAP -> "The audience is growing without a clear rise in outcomes.";
			case QUIET_PERFORMER -> (this.audience.trend() == Trend.UNKNOWN) ? "Outcomes are growing."
					: "Outcomes are growing without clear audience growth.";
			case DECLINING -> (this.audience.trend() == Trend.UNKNOWN) ? "Outcomes are falling."
					: "Outcomes are falling and the audience is not growing.";
			case STEADY -> (this.audience.trend() == Trend.DOWN) ? "The audience is shrinking while outcomes hold steady."
					: "Neither the audience nor outcomes moved beyond their uncertainty.";
			case INSUFFICIENT_DATA -> "";
		};
	}

	private static String spike(SpikeDetector.Spike spike) {
		String share = Double.isFinite(spike.percent()) ? " (" + percent(spike.percent()) + ")" : "";
		String when = spike.from().equals(spike.date()) ? "on " + spike.date()
				: "between " + spike.from() + " and " + spike.date();
		return String.format(Locale.ROOT, "%s on %s jumped by %,.0f%s %s with no matching rise in engagement per follower.",
				capitalize(label(spike.metric())), spike.channel(), spike.increase(), share, when);
	}

	/** "+6% ± 4%", or the figure alone when its margin is unknown. */
	static String withMargin(Double value, Double margin) {
		if (value == null) {
			return "unknown";
		}
		if (margin == null) {
			return percent(value);
		}
		return percent(value) + " ± " + percent(margin).replace("+", "");
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
