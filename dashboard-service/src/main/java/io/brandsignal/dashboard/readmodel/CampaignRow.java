package io.brandsignal.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;

/**
 * A campaign's headline numbers, as the portfolio lists, filters, plots and exports them: one audience lift and
 * one outcome lift per campaign, each the relative total effect (in percent, with its 95 % interval) of the
 * side's metric with the strongest evidence (the lowest placebo p-value among the estimated metrics with a
 * relative effect; catalog order breaks ties). A campaign moves many metrics; the portfolio needs one point.
 *
 * @param brand the brand
 * @param id the campaign's id within its brand
 * @param name its name
 * @param kind its kind
 * @param startDate its first day
 * @param endDate its last day
 * @param asOf the last day of data its lift used, {@code null} when none was estimated
 * @param verdict what it did
 * @param audienceMetric the audience metric of the audience lift, {@code null} when none was estimated
 * @param audienceLiftPercent relative total audience lift in percent, or {@code null}
 * @param audienceLiftLowPercent its 95 % interval's lower end, or {@code null}
 * @param audienceLiftHighPercent its 95 % interval's upper end, or {@code null}
 * @param outcomeMetric the outcome metric of the outcome lift, {@code null} when none was estimated
 * @param outcomeLiftPercent relative total outcome lift in percent, or {@code null}
 * @param outcomeLiftLowPercent its 95 % interval's lower end, or {@code null}
 * @param outcomeLiftHighPercent its 95 % interval's upper end, or {@code null}
 * @param spend what it cost, or {@code null}
 * @param currency the spend's currency, or {@code null}
 */
public record CampaignRow(String brand, String id, String name, CampaignKind kind, LocalDate startDate,
		LocalDate endDate, LocalDate asOf, CampaignVerdict verdict, String audienceMetric, Double audienceLiftPercent,
		Double audienceLiftLowPercent, Double audienceLiftHighPercent, String outcomeMetric, Double outcomeLiftPercent,
		Double outcomeLiftLowPercent, Double outcomeLiftHighPercent, BigDecimal spend, String currency) {

	/** The headline numbers of a result. */
	public static CampaignRow of(CampaignScored result) {
		Optional<MetricLift> audience = headline(result, MetricCategory.VANITY);
		Optional<MetricLift> outcome = headline(result, MetricCategory.OUTCOME);
		return new CampaignRow(result.brand(), result.campaignId(), result.name(), result.kind(), result.startDate(),
				result.endDate(), result.asOf(), result.verdict(), audience.map(MetricLift::metric).orElse(null),
				audience.map((lift) -> lift.total().relativePercent()).orElse(null),
				audience.map((lift) -> lift.total().relativeLowPercent()).orElse(null),
				audience.map((lift) -> lift.total().relativeHighPercent()).orElse(null),
				outcome.map(MetricLift::metric).orElse(null),
				outcome.map((lift) -> lift.total().relativePercent()).orElse(null),
				outcome.map((lift) -> lift.total().relativeLowPercent()).orElse(null),
				outcome.map((lift) -> lift.total().relativeHighPercent()).orElse(null), result.spend(),
				result.currency());
	}

	/** The side's estimated metric with a relative total effect and the lowest p-value, the first of equals. */
	static Optional<MetricLift> headline(CampaignScored result, MetricCategory side) {
		return result.metrics()
			.stream()
			.filter((lift) -> lift != null && lift.category() == side && lift.state() == CampaignLiftState.ESTIMATED
					&& lift.total() != null && lift.total().relativePercent() != null)
			.min(Comparator.comparingDouble((MetricLift lift) -> lift.total().pValue()));
	}

}
