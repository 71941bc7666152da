package io.brandsignal.dashboard.readmodel;

import java.time.LocalDate;

/**
 * A stored row of the read model: a brand's value of one metric on one day, summed over channels.
 *
 * @param brand the brand
 * @param day the UTC day
 * @param metric the catalog metric name
 * @param value the value
 */
public record MetricValue(String brand, LocalDate day, String metric, double value) {
}
