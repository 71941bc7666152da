package io.brandsignal.scoring.evidence;

import io.brandsignal.contract.catalog.MetricKind;

/**
 * One side's daily series for the {@link LeadTest}: what it measures, how its values add up over time, its
 * valid range and one value per day over the lookback, oldest first.
 *
 * @param name what the series measures (a metric name), reported back in the evidence
 * @param kind {@link MetricKind#LEVEL} for a stock (followers, awareness %): the level, free of
 * channel-composition jumps and possibly carried forward between reports; {@link MetricKind#FLOW} for an
 * amount per day (sales, likes, leads): the day's total, possibly small counts with zeros
 * @param min the smallest valid value of the metric (a negative minimum marks a signed scale such as NPS)
 * @param max the largest valid value of the metric ({@link Double#POSITIVE_INFINITY} when unbounded)
 * @param values one value per day, oldest first, {@link Double#NaN} where unknown
 */
public record LeadSeries(String name, MetricKind kind, double min, double max, double[] values) {
}
