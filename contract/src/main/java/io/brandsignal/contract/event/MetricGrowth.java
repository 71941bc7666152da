package io.brandsignal.contract.event;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;

/**
 * How one metric of a brand moved over the scoring window.
 *
 * @param metric catalog name
 * @param category vanity or outcome side
 * @param tier AMEC stage
 * @param startValue the metric's value at the window start (LEVEL) or its daily mean over the first
 * part of the window (FLOW); {@code null} when unknown
 * @param endValue the same at the window end; {@code null} when unknown
 * @param growthPercent change from start to end in percent; {@code null} when it cannot be computed
 * @param daysObserved days in the window with a known value
 */
public record MetricGrowth(String metric, MetricCategory category, MetricTier tier, Double startValue,
		Double endValue, Double growthPercent, int daysObserved) {
}
