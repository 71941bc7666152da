package io.brandsignal.scoring.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;

import static io.brandsignal.scoring.scorecard.Wording.pValue;
import static io.brandsignal.scoring.scorecard.Wording.percent;

/**
 * The plain-words explanation of a campaign's result, built from its numbers only, for example "Bought 12,000
 * followers (± 1,500) at €0.40 each (€0.36 to €0.46); sales revenue did not move measurably (+1% ± 4%,
 * p = 0.41)."
 */
final class CampaignExplanation {

	private static final int CITED = 2;

	private final CampaignVerdict verdict;

	private final List<MetricLift> lifts;

	private final Set<String> credited;

	private final Spend spend;

	private final List<UnitCost> costs;

	private final ReturnOnSpend returnOnSpend;

	private final List<String> overlaps;

	CampaignExplanation(CampaignVerdict verdict, List<MetricLift> lifts, Set<String> credited, Spend spend,
			List<UnitCost> costs, ReturnOnSpend returnOnSpend, List<String> overlaps) {
		this.verdict = verdict;
		this.lifts = lifts;
		this.credited = credited;
		this.spend = spend;
		this.costs = costs;
		this.returnOnSpend = returnOnSpend;
		this.overlaps = overlaps;
	}

	String text() {
		String text = switch (this.verdict) {
			case TOO_EARLY -> "Too early to tell: " + firstReason(LiftState.TOO_EARLY) + ".";
			case NOT_ENOUGH_PRE_PERIOD -> "Not enough history before the campaign to tell what it did: "
					+ firstReason(LiftState.NOT_ENOUGH_PRE_PERIOD) + ".";
			case MOVED_OUTCOMES -> moved() + ".";
			case BOUGHT_ATTENTION -> bought() + "; " + unmoved(MetricCategory.OUTCOME) + ".";
			case NO_MEASURABLE_EFFECT -> "No measurable effect: " + notMoved() + ".";
		};
		Optional<MetricLift> running = this.lifts.stream()
			.filter((lift) -> lift.state() == LiftState.ESTIMATED && lift.carryOver() == null)
			.findFirst();
		if (running.isPresent()) {
			text += " So far: to " + running.get().asOf() + ", the campaign is still running.";
		}
		if (!this.overlaps.isEmpty()) {
			text += " Overlaps " + String.join(", ", this.overlaps)
					+ ": the lift is shared with " + ((this.overlaps.size() == 1) ? "that campaign" : "those campaigns")
					+ ", not this one's alone.";
		}
		return text;
	}

	private String firstReason(LiftState state) {
		return this.lifts.stream()
			.filter((lift) -> lift.state() == state)
			.map((lift) -> label(lift) + ": " + lift.reason())
			.findFirst()
			.orElse("no metric data yet");
	}

	/**
	 * "Moved sales revenue +6% ± 3% (+$6,000, p = 0.004) at $2.00 per incremental unit of sales revenue ($1.33 to
	 * $4.00); each $1 spent brought $0.50 of extra sales revenue ($0.25 to $0.75)".
	 */
	private String moved() {
		List<String> parts = new ArrayList<>();
		for (MetricLift lift : significant(MetricCategory.OUTCOME)) {
			Effect total = lift.total();
			String part = label(lift) + " " + relative(total) + " (" + signedAmount(lift, total.effect()) + ", "
					+ pValue(total.pValue()) + ")" + cost(lift, "per incremental " + unitName(lift));
			if (CampaignAssessor.isRevenue(lift) && this.returnOnSpend != null) {
				String one = symbol(this.spend.currency()) + "1";
				part += String.format(Locale.ROOT, "; each %s spent brought %s of extra %s (%s to %s)", one,
						money(BigDecimal.valueOf(this.returnOnSpend.ratio())), label(lift),
						money(BigDecimal.valueOf(this.returnOnSpend.low())),
						money(BigDecimal.valueOf(this.returnOnSpend.high())));
			}
			parts.add(part);
		}
		String text = "Moved " + String.join(" and ", parts);
		List<MetricLift> audience = significant(MetricCategory.VANITY);
		if (!audience.isEmpty()) {
			text += "; it also " + bought().substring(0, 1).toLowerCase(Locale.ROOT) + bought().substring(1);
		}
		return text;
	}

	/** "Bought 12,000 followers (± 1,500) at €0.40 each (€0.36 to €0.46)". */
	private String bought() {
		List<String> parts = new ArrayList<>();
		for (MetricLift lift : significant(MetricCategory.VANITY)) {
			Effect total = lift.total();
			parts.add(amount(lift, total.effect()) + " (± " + amount(lift, total.margin()).replaceFirst(" .*", "") + ")"
					+ cost(lift, "each"));
		}
		return "Bought " + String.join(" and ", parts);
	}

	/** "sales revenue did not move measurably (+1% ± 4%, p = 0.41)", for the side's first estimated metrics. */
	private String unmoved(MetricCategory side) {
		List<MetricLift> estimated = estimated(side);
		if (estimated.isEmpty()) {
			return (side == MetricCategory.OUTCOME) ? "no outcome metric could be estimated"
					: "no audience metric could be estimated";
		}
		List<String> parts = new ArrayList<>();
		for (MetricLift lift : estimated) {
			parts.add(label(lift) + " " + (lift.total().negative() ? "fell" : "did not move measurably") + " ("
					+ relativeOrAmount(lift) + ", " + pValue(lift.total().pValue()) + ")");
		}
		return String.join(", ", parts);
	}

	private String notMoved() {
		List<String> parts = new ArrayList<>();
		for (MetricCategory side : MetricCategory.values()) {
			for (MetricLift lift : estimated(side)) {
				parts.add(label(lift) + " " + relativeOrAmount(lift) + " (" + pValue(lift.total().pValue()) + ")");
			}
		}
		return String.join(", ", parts);
	}

	private List<MetricLift> significant(MetricCategory side) {
		return this.lifts.stream()
			.filter((lift) -> this.credited.contains(lift.metric().name()) && lift.metric().category() == side)
			.limit(CITED)
			.toList();
	}

	/** The side's estimated metrics, business results before mindset, first in catalog order. */
	private List<MetricLift> estimated(MetricCategory side) {
		return this.lifts.stream()
			.filter((lift) -> lift.state() == LiftState.ESTIMATED && lift.metric().category() == side)
			.sorted((a, b) -> Boolean.compare(a.metric().tier() != MetricTier.IMPACT, b.metric().tier() != MetricTier.IMPACT))
			.limit(CITED)
			.toList();
	}

	/** " at €0.40 each (€0.36 to €0.46)", or "" without spend. */
	private String cost(MetricLift lift, String per) {
		Optional<UnitCost> cost = this.costs.stream().filter((unit) -> unit.metric().equals(lift.metric().name())).findFirst();
		if (cost.isEmpty()) {
			return "";
		}
		UnitCost unit = cost.get();
		String range = unit.unbounded() ? money(unit.low()) + " to unbounded, as the lift may be nil"
				: money(unit.low()) + " to " + money(unit.high());
		return " at " + money(unit.cost()) + " " + per + " (" + range + ")";
	}

	private String money(BigDecimal value) {
		String digits = String.format(Locale.ROOT, (value.abs().compareTo(BigDecimal.TEN) >= 0) ? "%,.0f" : "%,.2f",
				value.abs());
		return ((value.signum() < 0) ? "-" : "") + symbol(this.spend.currency()) + digits;
	}

	private static String symbol(Currency currency) {
		return switch (currency.getCurrencyCode()) {
			case "EUR" -> "€";
			case "USD" -> "$";
			case "GBP" -> "£";
			default -> currency.getCurrencyCode() + " ";
		};
	}

	private String relativeOrAmount(MetricLift lift) {
		Effect total = lift.total();
		return Double.isNaN(total.relativePercent()) ? signedAmount(lift, total.effect()) + " ± " + amount(lift, total.margin())
				: relative(total);
	}

	private static String relative(Effect effect) {
		return percent(effect.relativePercent()) + " ± " + percent((effect.relativeHighPercent() - effect.relativeLowPercent()) / 2).replace("+", "");
	}

	/** "12,000 followers", "€12,400", "2.1 points". */
	private String amount(MetricLift lift, double value) {
		String unit = lift.metric().unit();
		if ("currency".equals(unit)) {
			return (this.spend != null) ? money(BigDecimal.valueOf(value)) : String.format(Locale.ROOT, "%,.0f", value);
		}
		if ("percent".equals(unit) || "score".equals(unit)) {
			return String.format(Locale.ROOT, "%.1f points", value);
		}
		return String.format(Locale.ROOT, "%,.0f %s", value, label(lift));
	}

	private String signedAmount(MetricLift lift, double value) {
		return ((value >= 0) ? "+" : "-") + amount(lift, Math.abs(value));
	}

	private static String unitName(MetricLift lift) {
		String unit = lift.metric().unit();
		if ("currency".equals(unit)) {
			return "unit of " + label(lift);
		}
		String name = label(lift);
		// "leads" -> "lead", "orders" -> "order": per one incremental unit
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	private static String label(MetricLift lift) {
		return lift.metric().name().replace('_', ' ');
	}

}
