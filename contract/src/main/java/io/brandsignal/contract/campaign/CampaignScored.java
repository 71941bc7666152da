package io.brandsignal.contract.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCategory;

/**
 * A campaign's measured lift as scoring last computed it: per metric of the brand the incremental effect
 * against a counterfactual fitted on the days before the campaign, with interval and placebo p-value; the
 * verdict; and what each incremental unit cost. Published to the compacted {@code Topics#CAMPAIGN_RESULTS}
 * keyed by {@link CampaignDefined#key(String, String)}; a tombstone follows a deleted campaign. Recomputed as
 * the brand's data arrives, so a running campaign carries its lift so far.
 *
 * @param brand lowercase slug of the brand
 * @param campaignId the campaign's id within its brand
 * @param name the campaign's name, as defined
 * @param kind the campaign's kind, as defined
 * @param startDate first day of the campaign
 * @param endDate last day of the campaign (inclusive)
 * @param carryOverDays days after {@code endDate} still counted as its effect
 * @param asOf the last day of data the estimates used
 * @param verdict what the campaign did
 * @param explanation one or two plain sentences built from the numbers below
 * @param metrics the lift per metric of the brand, in catalog order
 * @param spend what the campaign cost, or {@code null} when unknown
 * @param currency ISO 4217 code of {@code spend}, or {@code null}
 * @param costs spend per incremental unit of each metric with a significant positive total effect (empty
 *     without spend)
 * @param returnOnSpend incremental revenue per unit of spend, or {@code null} when there is no revenue metric
 *     with an estimate, or no spend
 * @param overlaps ids of the brand's other campaigns whose days of effect overlap this one's: their lift is
 *     shared, not credited twice
 * @param scoredAt when scoring computed this result
 */
public record CampaignScored(String brand, String campaignId, String name, CampaignKind kind, LocalDate startDate,
		LocalDate endDate, int carryOverDays, LocalDate asOf, CampaignVerdict verdict, String explanation,
		List<MetricLift> metrics, BigDecimal spend, String currency, List<UnitCost> costs, ReturnOnSpend returnOnSpend,
		List<String> overlaps, Instant scoredAt) {

	/** At most this many days of {@link MetricLift#days()} per metric: a 366-day campaign, carry-over and lead-in. */
	public static final int MAX_DAYS = 500;

	public CampaignScored {
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
		costs = (costs != null) ? List.copyOf(costs) : List.of();
		overlaps = (overlaps != null) ? List.copyOf(overlaps) : List.of();
	}

	/** This result's record key: the campaign's. */
	public String key() {
		return CampaignDefined.key(this.brand, this.campaignId);
	}

	/**
	 * A campaign's lift on one metric.
	 *
	 * @param metric the catalog metric's name
	 * @param category audience ({@code VANITY}) or outcome side
	 * @param state whether it was estimated
	 * @param reason why not, in words; {@code null} when estimated
	 * @param during the effect from the start to the end (or the last known day); {@code null} unless estimated
	 * @param carryOver the effect after the end up to the carry-over's end or the last known day; {@code null}
	 *     until a day after the end is known
	 * @param total the effect from the start to the last day counted, which verdict and cost rest on;
	 *     {@code null} unless estimated
	 * @param preDays known pre-period days the counterfactual was fitted on
	 * @param placebos placebo windows behind the p-value
	 * @param controls control series used as regressors
	 * @param days actual against counterfactual per day, for the chart: a lead-in before the start, then
	 *     through the last day counted (at most {@link CampaignScored#MAX_DAYS}); empty unless estimated
	 */
	public record MetricLift(String metric, MetricCategory category, CampaignLiftState state, String reason,
			Effect during, Effect carryOver, Effect total, int preDays, int placebos, int controls, List<Day> days) {

		public MetricLift {
			days = (days != null) ? List.copyOf(days) : List.of();
		}

	}

	/**
	 * An incremental effect over a span of days, in the metric's own units: for a FLOW metric the sum of the
	 * daily gaps (extra sales), for a LEVEL metric the gap in the level on the span's last known day (extra
	 * followers still following).
	 *
	 * @param from first day of the span
	 * @param to last known day of the span
	 * @param days days in {@code from..to}
	 * @param effect actual minus counterfactual
	 * @param low lower end of its 95 % interval
	 * @param high upper end of its 95 % interval
	 * @param counterfactual what the metric would have been without the campaign (FLOW: the sum; LEVEL: the
	 *     level at {@code to})
	 * @param relativePercent {@code 100 × effect / counterfactual}; {@code null} when the counterfactual is not
	 *     positive or the scale is signed
	 * @param relativeLowPercent lower end of the relative interval, or {@code null}
	 * @param relativeHighPercent upper end of the relative interval, or {@code null}
	 * @param pValue two-sided placebo p-value
	 * @param significant {@code pValue} at or below the significance level and the interval excluding 0
	 */
	public record Effect(LocalDate from, LocalDate to, int days, double effect, double low, double high,
			double counterfactual, Double relativePercent, Double relativeLowPercent, Double relativeHighPercent,
			double pValue, boolean significant) {
	}

	/**
	 * One day of a metric around a campaign.
	 *
	 * @param date the day
	 * @param actual the metric's value that day as the ledger reads it, or {@code null} when unknown
	 * @param counterfactual the value the counterfactual predicts
	 * @param low lower end of the counterfactual's 95 % band that day
	 * @param high upper end of the counterfactual's 95 % band that day
	 */
	public record Day(LocalDate date, Double actual, double counterfactual, double low, double high) {
	}

	/**
	 * What one incremental unit of a metric cost: spend over the total effect, with the interval that follows
	 * from the effect's.
	 *
	 * @param metric the metric
	 * @param cost spend per incremental unit
	 * @param low the cheapest the effect's interval allows
	 * @param high the dearest; {@code null} when unbounded (the effect's lower end is at or below 0)
	 */
	public record UnitCost(String metric, BigDecimal cost, BigDecimal low, BigDecimal high) {
	}

	/**
	 * Incremental revenue per unit of spend (1.5: each euro spent brought 1.50 euros of extra revenue).
	 *
	 * @param metric the revenue metric
	 * @param ratio incremental revenue / spend
	 * @param low lower end, from the effect's interval
	 * @param high upper end
	 */
	public record ReturnOnSpend(String metric, double ratio, double low, double high) {
	}

}
