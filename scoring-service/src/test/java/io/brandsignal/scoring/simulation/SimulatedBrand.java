package io.brandsignal.scoring.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.scoring.ledger.BrandLedger;

/**
 * One generated brand: the cells its feeds delivered and the ground truth a correct scorer must
 * recover, fixed by the generator, never read from the scorer.
 *
 * @param name brand slug
 * @param cells every (metric, channel, day) value delivered
 * @param leadDays the true lag in days by which audience growth leads outcomes; {@code null} when the
 * two sides were generated independently (any significant lead is then a false positive)
 * @param group a label for breaking a family's rate down (for example the true lag), or empty
 */
record SimulatedBrand(String name, List<Cell> cells, Integer leadDays, String group) {

	/** One delivered value. */
	record Cell(String metric, String channel, LocalDate date, double value) {
	}

	BrandLedger ledger(MetricCatalog catalog) {
		BrandLedger.Builder builder = BrandLedger.builder(this.name, catalog);
		for (Cell cell : this.cells) {
			builder.add(cell.metric(), cell.channel(), cell.date(), cell.value());
		}
		return builder.build();
	}

	/** Collects the delivered cells of a brand's channels. */
	static final class Feeds {

		private final Days days;

		private final List<Cell> cells = new ArrayList<>();

		Feeds(Days days) {
			this.days = days;
		}

		Days days() {
			return this.days;
		}

		/** Delivers the true daily values of one metric on one channel on the days its feed reports. */
		Feeds add(String metric, String channel, double[] values, Reporting reporting) {
			for (int day = 0; day < this.days.count(); day++) {
				if (reporting.reports(this.days, day)) {
					this.cells.add(new Cell(metric, channel, this.days.date(day), values[day]));
				}
			}
			return this;
		}

		SimulatedBrand brand(String name, Integer leadDays, String group) {
			return new SimulatedBrand(name, List.copyOf(this.cells), leadDays, group);
		}

	}

}
