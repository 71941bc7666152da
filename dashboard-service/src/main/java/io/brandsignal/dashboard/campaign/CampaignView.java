package io.brandsignal.dashboard.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.Effect;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.CampaignScored.UnitCost;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.dashboard.brand.Phrases;

/**
 * A campaign as its page shows it: what it is (as defined), and once scored its verdict in words, its state
 * said honestly (how many days are known, why there is no estimate), the lift per metric with intervals and
 * p-values, each metric's chart, the cost per incremental unit and the campaigns it overlaps.
 *
 * @param brand the brand
 * @param id the campaign's id
 * @param name its name
 * @param kind its kind in words
 * @param startDate its first day
 * @param endDate its last day
 * @param channels its channels, empty when not defined here (only scored)
 * @param spend its spend with currency in words, "unknown" without
 * @param note its note, or {@code null}
 * @param source who last defined it, or {@code null}
 * @param defined whether its definition is in the read model (it can be edited and deleted)
 * @param verdict its verdict, {@code null} until scored
 * @param verdictLabel the verdict in words
 * @param verdictMeaning what the verdict means
 * @param explanation scoring's explanation, or {@code null}
 * @param state how far the measurement got, in words (days known, why not estimated), or {@code null}
 * @param asOf the last day of data the lift used, or {@code null}
 * @param carryOverDays the days after the end counted as its effect
 * @param metrics the lift per metric
 * @param costs what each incremental unit cost
 * @param returnOnSpend incremental revenue per unit of spend in words, or {@code null}
 * @param overlaps the ids of the brand's campaigns whose effect overlaps this one's
 */
public record CampaignView(String brand, String id, String name, String kind, LocalDate startDate,
		LocalDate endDate, List<String> channels, String spend, String note, String source, boolean defined,
		CampaignVerdict verdict, String verdictLabel, String verdictMeaning, String explanation, String state,
		LocalDate asOf, int carryOverDays, List<MetricRow> metrics, List<CostRow> costs, String returnOnSpend,
		List<String> overlaps) {

	/**
	 * The view of a campaign; at least one of definition and result is present.
	 * @param definition the campaign as defined, or {@code null}
	 * @param result its latest result, or {@code null}
	 */
	static CampaignView of(CampaignDefined definition, CampaignScored result) {
		if (definition == null && result == null) {
			throw new IllegalArgumentException("A campaign view needs a definition or a result");
		}
		String brand = (definition != null) ? definition.brand() : result.brand();
		String id = (definition != null) ? definition.id() : result.campaignId();
		String name = (definition != null) ? definition.name() : result.name();
		LocalDate start = (definition != null) ? definition.startDate() : result.startDate();
		LocalDate end = (definition != null) ? definition.endDate() : result.endDate();
		BigDecimal spend = (definition != null) ? definition.spend() : result.spend();
		String currency = (definition != null) ? definition.currency() : result.currency();
		String kind = CampaignVerdicts.kind((definition != null) ? definition.kind() : result.kind());
		List<String> channels = (definition != null) ? definition.channels() : List.of();
		String spendText = (spend != null) ? money(spend, currency) : "unknown";
		String note = (definition != null) ? definition.note() : null;
		String source = (definition != null) ? definition.source() : null;
		if (result == null) {
			return new CampaignView(brand, id, name, kind, start, end, channels, spendText, note, source, true, null,
					CampaignVerdicts.label(null), CampaignVerdicts.meaning(null), null, null, null, 0, List.of(),
					List.of(), null, List.of());
		}
		List<MetricRow> metrics = result.metrics()
			.stream()
			.map((lift) -> MetricRow.of(lift, result))
			.toList();
		List<CostRow> costs = result.costs().stream().map((cost) -> CostRow.of(cost, result.currency())).toList();
		String roi = (result.returnOnSpend() != null)
				? String.format(Locale.ROOT, "%.2f (95 %% interval %.2f to %.2f) of %s per unit of spend",
						result.returnOnSpend().ratio(), result.returnOnSpend().low(), result.returnOnSpend().high(),
						result.returnOnSpend().metric())
				: null;
		return new CampaignView(brand, id, name, kind, start, end, channels, spendText, note, source,
				definition != null, result.verdict(), CampaignVerdicts.label(result.verdict()),
				CampaignVerdicts.meaning(result.verdict()), result.explanation(), state(result), result.asOf(),
				result.carryOverDays(), metrics, costs, roi, result.overlaps());
	}

	/**
	 * The measurement's state in words: for a campaign too early to measure how many of its days are known;
	 * without enough history, the reasons scoring gave; {@code null} otherwise (the lift speaks for itself).
	 */
	static String state(CampaignScored result) {
		long campaignDays = ChronoUnit.DAYS.between(result.startDate(), result.endDate()) + 1;
		if (result.verdict() == CampaignVerdict.TOO_EARLY) {
			long known = (result.asOf() == null) ? 0
					: Math.max(0, Math.min(campaignDays, ChronoUnit.DAYS.between(result.startDate(), result.asOf()) + 1));
			return known + " of " + campaignDays + " campaign days known: too few to measure a lift yet.";
		}
		if (result.verdict() == CampaignVerdict.NOT_ENOUGH_PRE_PERIOD) {
			List<String> reasons = result.metrics()
				.stream()
				.map(MetricLift::reason)
				.filter(Objects::nonNull)
				.distinct()
				.toList();
			return "Not enough history before the campaign"
					+ (reasons.isEmpty() ? "." : ": " + String.join("; ", reasons) + ".");
		}
		return null;
	}

	static String money(BigDecimal amount, String currency) {
		return amount.stripTrailingZeros().toPlainString() + ((currency != null) ? " " + currency : "");
	}

	/** A signed number of the metric's units, such as {@code +1,200}. */
	static String units(double value) {
		String text = String.format(Locale.ROOT, "%+,.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

	/** An effect in words: the value with its 95 % interval. */
	static String effect(Effect effect) {
		if (effect == null) {
			return "n/a";
		}
		return units(effect.effect()) + " (" + units(effect.low()) + " to " + units(effect.high()) + ")";
	}

	/** A relative effect in words: percent with its 95 % interval, n/a without a positive counterfactual. */
	static String relative(Effect effect) {
		if (effect == null || effect.relativePercent() == null) {
			return "n/a";
		}
		String interval = (effect.relativeLowPercent() != null && effect.relativeHighPercent() != null)
				? " (" + Phrases.percent(effect.relativeLowPercent()) + " to "
						+ Phrases.percent(effect.relativeHighPercent()) + ")"
				: "";
		return Phrases.percent(effect.relativePercent()) + interval;
	}

	/**
	 * One metric's lift.
	 *
	 * @param metric the metric
	 * @param side audience or outcome
	 * @param state estimated or why not, in words
	 * @param during the effect during the campaign with interval
	 * @param carryOver the effect after it with interval
	 * @param total the total effect with interval
	 * @param relative the total effect relative to the counterfactual
	 * @param pValue the total effect's placebo p-value
	 * @param significant whether the total effect is significant, in words
	 * @param chart the metric's chart
	 * @param days the days behind the chart, for its table
	 */
	public record MetricRow(String metric, String side, String state, String during, String carryOver, String total,
			String relative, Double pValue, String significant, LiftChart chart, List<CampaignScored.Day> days) {

		static MetricRow of(MetricLift lift, CampaignScored result) {
			String side = (lift.category() == MetricCategory.VANITY) ? "Audience"
					: (lift.category() == MetricCategory.OUTCOME) ? "Outcome" : "n/a";
			boolean estimated = lift.state() == CampaignLiftState.ESTIMATED;
			String state = estimated ? "Estimated from " + lift.preDays() + " days before, " + lift.placebos()
					+ " placebos" + ((lift.controls() > 0) ? ", " + lift.controls() + " control series" : "")
					: stateLabel(lift.state()) + ((lift.reason() != null) ? ": " + lift.reason() : "");
			Effect total = lift.total();
			return new MetricRow(lift.metric(), side, state, CampaignView.effect(lift.during()),
					CampaignView.effect(lift.carryOver()), CampaignView.effect(total), CampaignView.relative(total), (total != null) ? total.pValue() : null,
					(total == null) ? "n/a" : total.significant() ? "Yes" : "No",
					LiftChart.of(lift.metric(), lift.days(), result.startDate(), result.endDate(), result.carryOverDays()),
					lift.days());
		}

		private static String stateLabel(CampaignLiftState state) {
			if (state == CampaignLiftState.TOO_EARLY) {
				return "Too early";
			}
			return (state == CampaignLiftState.NOT_ENOUGH_PRE_PERIOD) ? "Not enough history" : "Unknown";
		}

	}

	/**
	 * What one incremental unit of a metric cost.
	 *
	 * @param metric the metric
	 * @param cost the cost per incremental unit with currency
	 * @param interval its 95 % interval in words; "unbounded" where the effect's interval reaches 0
	 */
	public record CostRow(String metric, String cost, String interval) {

		static CostRow of(UnitCost cost, String currency) {
			String low = (cost.low() != null) ? money(cost.low(), currency) : "n/a";
			String interval = (cost.high() != null) ? low + " to " + money(cost.high(), currency)
					: "at least " + low + ", with no upper bound (unbounded: the lift may be zero)";
			return new CostRow(cost.metric(), (cost.cost() != null) ? money(cost.cost(), currency) : "n/a", interval);
		}

	}

	/** Whether any metric was estimated, so the lift table has numbers. */
	public boolean estimated() {
		return this.metrics.stream().anyMatch((row) -> row.chart() != null && !row.days().isEmpty());
	}

}
