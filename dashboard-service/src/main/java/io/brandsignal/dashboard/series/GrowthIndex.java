package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.dashboard.readmodel.MetricValue;

/**
 * Turns a brand's daily values into indexed growth lines: every metric is 100 on its first day with a
 * positive value in the range, and a day's audience (or outcome) index is the mean of its vanity (or
 * outcome) metrics' indices. A metric's index carries forward over days without a value, so a FLOW
 * metric's quiet day does not make the line jump. A metric is indexed from its first positive value.
 * Signed scores (a catalog range reaching below zero, such as NPS or sentiment) have no meaningful
 * ratio and are left out, as are metrics the catalog lacks; the per-metric charts still show them.
 */
public final class GrowthIndex {

	private GrowthIndex() {
	}

	/**
	 * The index lines of a brand's values given day by day.
	 * @param columns per metric, its value on each day of the range ({@code null} when unknown)
	 * @param catalog the metric catalog deciding each metric's side
	 * @param days the number of days in the range
	 * @return one audience and one outcome index per day
	 */
	public static BrandSeries.IndexedGrowth of(Map<String, Double[]> columns, MetricCatalog catalog, int days) {
		Double[] audience = new Double[days];
		Double[] outcomes = new Double[days];
		int metrics = columns.size();
		Double[][] values = new Double[metrics][];
		MetricCategory[] categories = new MetricCategory[metrics];
		int m = 0;
		for (Map.Entry<String, Double[]> column : columns.entrySet()) {
			values[m] = column.getValue();
			categories[m] = catalog.find(column.getKey())
				.filter((definition) -> definition.min() >= 0)
				.map(MetricDefinition::category)
				.orElse(null);
			m++;
		}
		double[] base = new double[metrics];
		double[] index = new double[metrics];
		Arrays.fill(base, Double.NaN);
		Arrays.fill(index, Double.NaN);
		for (int day = 0; day < days; day++) {
			double audienceSum = 0;
			int audienceCount = 0;
			double outcomeSum = 0;
			int outcomeCount = 0;
			for (int metric = 0; metric < metrics; metric++) {
				if (categories[metric] == null) {
					continue;
				}
				Double value = values[metric][day];
				if (value != null) {
					if (Double.isNaN(base[metric]) && value > 0) {
						base[metric] = value;
					}
					if (!Double.isNaN(base[metric])) {
						index[metric] = value / base[metric] * 100.0;
					}
				}
				if (!Double.isNaN(index[metric])) {
					if (categories[metric] == MetricCategory.VANITY) {
						audienceSum += index[metric];
						audienceCount++;
					}
					else {
						outcomeSum += index[metric];
						outcomeCount++;
					}
				}
			}
			audience[day] = (audienceCount > 0) ? round(audienceSum / audienceCount) : null;
			outcomes[day] = (outcomeCount > 0) ? round(outcomeSum / outcomeCount) : null;
		}
		return new BrandSeries.IndexedGrowth(Arrays.asList(audience), Arrays.asList(outcomes));
	}

	/**
	 * The index lines of a brand's stored values.
	 * @param values the brand's values in the range, any order
	 * @param catalog the metric catalog deciding each metric's side
	 * @param from first day of the range
	 * @param to last day of the range
	 * @return one audience and one outcome index per day from {@code from} to {@code to}
	 */
	public static BrandSeries.IndexedGrowth of(List<MetricValue> values, MetricCatalog catalog, LocalDate from,
			LocalDate to) {
		return of(columns(values, from, to), catalog, (int) ChronoUnit.DAYS.between(from, to) + 1);
	}

	/** Per metric (in order of first appearance), its value on each day from {@code from} to {@code to}. */
	static Map<String, Double[]> columns(List<MetricValue> values, LocalDate from, LocalDate to) {
		int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
		long start = from.toEpochDay();
		Map<String, Double[]> columns = new LinkedHashMap<>();
		for (MetricValue value : values) {
			int day = (int) (value.day().toEpochDay() - start);
			if (day >= 0 && day < days) {
				columns.computeIfAbsent(value.metric(), (metric) -> new Double[days])[day] = value.value();
			}
		}
		return columns;
	}

	private static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

}
