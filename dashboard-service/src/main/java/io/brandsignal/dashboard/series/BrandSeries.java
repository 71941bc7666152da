package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;

/**
 * A brand's daily values over a range, as the series API serves them: column-wise, every list of values
 * aligned with {@link #dates()} and {@code null} on days without a value, which is what charts consume
 * and keeps three years of data small.
 *
 * @param brand the brand
 * @param from first day of the range
 * @param to last day of the range
 * @param dates every day from {@code from} to {@code to}
 * @param metrics the daily values of each metric with data in the range, in catalog order
 * @param indexed audience and outcomes as indices, 100 at each metric's first day in the range
 */
public record BrandSeries(String brand, LocalDate from, LocalDate to, List<LocalDate> dates,
		List<MetricSeries> metrics, IndexedGrowth indexed) {

	/**
	 * One metric's daily values.
	 *
	 * @param metric catalog name
	 * @param category vanity or outcome side; {@code null} for a metric this deployment's catalog lacks
	 * @param tier AMEC stage; {@code null} when unknown
	 * @param kind LEVEL or FLOW; {@code null} when unknown
	 * @param unit unit of the values
	 * @param values the value of each day of {@code dates}, {@code null} when unknown
	 */
	public record MetricSeries(String metric, MetricCategory category, MetricTier tier, MetricKind kind, String unit,
			List<Double> values) {
	}

	/**
	 * The audience and outcome indices of each day of {@code dates}.
	 *
	 * @param audience mean index of the vanity metrics, {@code null} before any has a value
	 * @param outcomes mean index of the outcome metrics, {@code null} before any has a value
	 */
	public record IndexedGrowth(List<Double> audience, List<Double> outcomes) {
	}

}
