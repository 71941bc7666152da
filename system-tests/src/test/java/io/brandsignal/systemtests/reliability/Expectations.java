package io.brandsignal.systemtests.reliability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.systemtests.reliability.ObservationPlan.Cell;
import io.brandsignal.systemtests.reliability.ObservationPlan.MetricChannels;
import io.brandsignal.systemtests.reliability.ObservationPlan.Observation;

/**
 * What the read model must show after a scenario, worked out from what the client sent and had
 * acknowledged alone: each cell's last acknowledged value, and per brand, metric and day what the series
 * API serves for it, the sum over the metric's channels (for a FLOW only once every channel of the day
 * is in: a day with a channel missing is incomplete, not smaller). Every channel here reports daily, so
 * a LEVEL is its reported value and nothing is carried forward.
 */
final class Expectations {

	private final Map<Cell, Double> cells = new LinkedHashMap<>();

	private final Map<DayTotal, Double> totals = new HashMap<>();

	private final int acknowledgedObservations;

	Expectations(List<Observation> acknowledged) {
		// in posting order per lane, and one lane per brand: the later acknowledged value is the one that stays
		acknowledged.forEach((observation) -> this.cells.put(observation.cell(), observation.value()));
		this.acknowledgedObservations = acknowledged.size();
		Map<DayTotal, Integer> channelsIn = new HashMap<>();
		this.cells.forEach((cell, value) -> {
			DayTotal total = new DayTotal(cell.brand(), cell.metric(), cell.date());
			this.totals.merge(total, value, Double::sum);
			channelsIn.merge(total, 1, Integer::sum);
		});
		channelsIn.forEach((total, channels) -> {
			if (channels < channelsOf(total.metric()).channels().size()) {
				this.totals.remove(total);
			}
		});
	}

	/** Observations in acknowledged batches, second sends included. */
	int acknowledgedObservations() {
		return this.acknowledgedObservations;
	}

	/** The distinct cells acknowledged. */
	int acknowledgedCells() {
		return this.cells.size();
	}

	/** A brand's value of a metric on a day, summed over channels. */
	record DayTotal(String brand, String metric, LocalDate date) {
	}

	/**
	 * Compares the read model with the expectations, cell by cell: a cell is present when its day's total
	 * is served as expected, duplicated when a FLOW total is larger (counted twice), lost otherwise.
	 * @param series the series of each brand as the dashboard serves it; a brand it does not know is absent
	 */
	Comparison compare(Map<String, Map<String, Map<LocalDate, Double>>> series) {
		int present = 0;
		int lost = 0;
		int duplicated = 0;
		String firstDifference = null;
		for (Cell cell : this.cells.keySet()) {
			DayTotal day = new DayTotal(cell.brand(), cell.metric(), cell.date());
			Double expected = this.totals.get(day);
			Double served = Optional.ofNullable(series.get(cell.brand()))
				.map((metrics) -> metrics.get(cell.metric()))
				.map((values) -> values.get(cell.date()))
				.orElse(null);
			if (expected != null && served != null && Math.abs(served - expected) < 1e-6) {
				present++;
				continue;
			}
			if (expected != null && served != null && served > expected && channelsOf(cell.metric()).flow()) {
				duplicated++;
			}
			else {
				lost++;
			}
			if (firstDifference == null) {
				firstDifference = day + ": expected " + expected + ", served " + served;
			}
		}
		return new Comparison(this.cells.size(), present, lost, duplicated, firstDifference);
	}

	private static MetricChannels channelsOf(String metric) {
		return ObservationPlan.METRICS.stream().filter((m) -> m.metric().equals(metric)).findFirst().orElseThrow();
	}

	/**
	 * How the read model compares.
	 * @param cells acknowledged cells
	 * @param present cells whose last acknowledged value the read model serves
	 * @param lost cells it does not serve, or serves with another value
	 * @param duplicated cells of a FLOW day whose total is larger than acknowledged
	 * @param firstDifference the first day that differs, for the failure message; {@code null} when none
	 */
	record Comparison(int cells, int present, int lost, int duplicated, String firstDifference) {

		boolean complete() {
			return this.present == this.cells;
		}

	}

}
