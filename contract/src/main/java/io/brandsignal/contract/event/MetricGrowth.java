package io.brandsignal.contract.event;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;

/**
 * How one metric of a brand moved over the scoring window, with the uncertainty of that estimate.
 * Growth is a robust trend (day-of-week-matched slope) over the window, combined over the metric's
 * channels so that connecting or dropping a channel is never growth.
 *
 * @param metric catalog name
 * @param category vanity or outcome side
 * @param tier AMEC stage
 * @param startValue the fitted value at the window start (brand total over the channels that count);
 * {@code null} when unknown
 * @param endValue the fitted value at the window end; {@code null} when unknown
 * @param growthPercent change over the window in percent of the start value (percentage points of the
 * scale for signed scales such as NPS); {@code null} when it cannot be computed
 * @param marginPercent half-width of the 95% confidence interval of {@code growthPercent}, so the
 * growth is {@code growthPercent ± marginPercent}; {@code null} when the growth is unknown
 * @param daysObserved days in the window with a reported value (on any channel)
 * @param channels channels whose data entered the growth
 */
public record MetricGrowth(String metric, MetricCategory category, MetricTier tier, Double startValue,
		Double endValue, Double growthPercent, Double marginPercent, int daysObserved, int channels) {
}
