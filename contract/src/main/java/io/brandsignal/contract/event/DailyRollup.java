package io.brandsignal.contract.event;

import java.time.LocalDate;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricTier;

/**
 * One brand's values for one day, summed over channels, for the dashboard's charts. Published to the
 * compacted {@code Topics#DAILY_ROLLUPS} keyed by {@link #key(String, LocalDate)}; a later rollup for
 * the same day replaces the earlier one.
 *
 * @param brand lowercase slug of the brand
 * @param date the UTC day
 * @param metrics value per metric name; LEVEL metrics carried forward over missing days, FLOW metrics
 * absent on days without data
 * @param tiers the sum of each tier's metric values that day (meaningful where the summed metrics share
 * a unit, such as the audience counts of {@code OUTPUT})
 */
public record DailyRollup(String brand, LocalDate date, Map<String, Double> metrics, Map<MetricTier, Double> tiers) {

	public DailyRollup {
		metrics = (metrics != null) ? Map.copyOf(metrics) : Map.of();
		tiers = (tiers != null) ? Map.copyOf(tiers) : Map.of();
	}

	/** The record key of a brand's rollup for a day: unique per (brand, day) so compaction keeps the last. */
	public static String key(String brand, LocalDate date) {
		return brand + '|' + date;
	}

}
