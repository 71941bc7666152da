package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.scoring.ledger.MetricHistory;

/**
 * How one metric moved over a window {@code [start, end]}.
 * <ul>
 * <li>LEVEL: start value = the value on the first day of the window (carried forward from before the
 * window if needed), end value = the value on the last day; growth = {@code end / start - 1}.</li>
 * <li>FLOW: start value = the mean of the reported days in the first half of the window, end value =
 * the mean over the second half (each half needs {@code minFlowDaysPerHalf} reported days); growth =
 * {@code end / start - 1}.</li>
 * <li>Signed scales (a lower bound below zero, such as NPS or sentiment) have no meaningful ratio, so
 * their growth is the change in percent of the scale's width: {@code (end - start) / (max - min)}.</li>
 * </ul>
 * Growth is in percent, rounded to two decimals; {@code null} when it cannot be computed (unknown
 * start or end, or a zero start on a ratio scale).
 */
public final class GrowthCalculator {

	private final int minFlowDaysPerHalf;

	/**
	 * @param minFlowDaysPerHalf reported days a FLOW metric needs in each half of the window
	 */
	public GrowthCalculator(int minFlowDaysPerHalf) {
		this.minFlowDaysPerHalf = minFlowDaysPerHalf;
	}

	/**
	 * The growth of a metric over the window.
	 * @param history the metric's daily totals
	 * @param start first day of the window
	 * @param end last day of the window
	 * @return the growth, with {@code null} parts where unknown
	 */
	public MetricGrowth growth(MetricHistory history, LocalDate start, LocalDate end) {
		MetricDefinition definition = history.definition();
		Double startValue;
		Double endValue;
		if (definition.kind() == MetricKind.LEVEL) {
			startValue = history.valueOn(start);
			endValue = history.valueOn(end);
		}
		else {
			int days = (int) (end.toEpochDay() - start.toEpochDay() + 1);
			LocalDate secondHalf = start.plusDays(days / 2);
			startValue = mean(history, start, secondHalf.minusDays(1));
			endValue = mean(history, secondHalf, end);
		}
		Double growth = (startValue != null && endValue != null) ? growthPercent(definition, startValue, endValue)
				: null;
		return new MetricGrowth(definition.name(), definition.category(), definition.tier(), startValue, endValue,
				growth, null, history.observedDays(start, end), 1);
	}

	static Double growthPercent(MetricDefinition definition, double start, double end) {
		double percent;
		if (definition.min() < 0 && Double.isFinite(definition.max())) {
			percent = (end - start) / (definition.max() - definition.min()) * 100;
		}
		else if (start > 0) {
			percent = (end / start - 1) * 100;
		}
		else {
			return (end == start) ? 0.0 : null;
		}
		return Numbers.round(percent, 2);
	}

	private Double mean(MetricHistory history, LocalDate from, LocalDate to) {
		var days = history.observed().subMap(from, true, to, true);
		if (days.size() < this.minFlowDaysPerHalf) {
			return null;
		}
		double sum = 0;
		for (double value : days.values()) {
			sum += value;
		}
		return sum / days.size();
	}

}
