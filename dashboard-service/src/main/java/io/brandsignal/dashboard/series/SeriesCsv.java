package io.brandsignal.dashboard.series;

import java.time.LocalDate;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCategory;

/**
 * Writes a brand's series as CSV ({@code brand,date,metric,category,unit,value}, RFC 4180) that is safe
 * to open in a spreadsheet: a text cell beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return is prefixed with an apostrophe so it is never taken for a formula. Values are
 * written by the server from numbers and stay plain numbers.
 */
public final class SeriesCsv {

	/** The header line. */
	public static final String HEADER = "brand,date,metric,category,unit,value";

	private SeriesCsv() {
	}

	/** The whole CSV document of a series, header first, one line per metric and day with a value. */
	public static String write(BrandSeries series) {
		StringBuilder csv = new StringBuilder(48 * (1 + series.metrics().size() * series.dates().size()))
			.append(HEADER)
			.append("\r\n");
		String brand = text(series.brand()) + ',';
		List<String> dates = series.dates().stream().map(LocalDate::toString).toList();
		for (BrandSeries.MetricSeries metric : series.metrics()) {
			MetricCategory category = metric.category();
			String suffix = ',' + text(metric.metric()) + ',' + text((category != null) ? category.name() : "")
					+ ',' + text(metric.unit()) + ',';
			List<Double> values = metric.values();
			for (int day = 0; day < values.size(); day++) {
				Double value = values.get(day);
				if (value != null) {
					csv.append(brand).append(dates.get(day)).append(suffix).append(number(value)).append("\r\n");
				}
			}
		}
		return csv.toString();
	}

	/** A text cell, defused against formula injection and quoted where CSV needs it. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String cell = value;
		char first = cell.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			cell = "'" + cell;
		}
		if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
				|| cell.indexOf('\r') >= 0) {
			cell = '"' + cell.replace("\"", "\"\"") + '"';
		}
		return cell;
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

}
