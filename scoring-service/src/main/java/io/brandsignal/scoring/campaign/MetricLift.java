package io.brandsignal.scoring.campaign;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricDefinition;

/**
 * A campaign's lift on one metric: during the campaign, in the carry-over after it, and both together
 * ({@code total}, which the campaign's verdict and cost rest on), each against a counterfactual fitted on the
 * days before the campaign only.
 *
 * @param metric the metric
 * @param state whether it was estimated
 * @param reason why not, in words ({@code null} when estimated)
 * @param asOf the last day of data the estimate used
 * @param campaign the effect from the campaign's start to its end (or the last known day); {@code null} unless
 * estimated
 * @param carryOver the effect after the end, up to the carry-over's end or the last known day; {@code null}
 * until a day after the end is known
 * @param total the effect from the start to the last day counted
 * @param preDays known pre-period days the counterfactual was fitted on
 * @param placebos placebo windows behind the p-value
 * @param controls control series used as regressors
 * @param overlaps ids of the brand's other campaigns whose days of effect overlap this one's: the lift is
 * theirs too and is not to be credited twice
 */
public record MetricLift(MetricDefinition metric, LiftState state, String reason, LocalDate asOf, Effect campaign,
		Effect carryOver, Effect total, int preDays, int placebos, int controls, List<String> overlaps) {

	public MetricLift {
		overlaps = List.copyOf(overlaps);
	}

}
