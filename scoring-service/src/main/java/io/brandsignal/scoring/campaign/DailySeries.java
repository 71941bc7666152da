package io.brandsignal.scoring.campaign;

import java.time.LocalDate;
import java.util.Objects;

import io.brandsignal.scoring.ledger.MetricLedger;

/**
 * A brand's daily values of one metric, one per day from {@code first}, {@link Double#NaN} where unknown: the
 * treated series of a lift estimate or one of its controls (another channel the campaign did not touch, the
 * same metric of a brand without a campaign at the time). Controls are aligned by date, not by index.
 *
 * @param first the day of {@code values[0]}
 * @param values one value per day
 */
public record DailySeries(LocalDate first, double[] values) {

	public DailySeries {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(values, "values");
	}

	/** A metric's brand totals from the ledger ({@link MetricLedger#totals}: LEVEL carried, FLOW complete days). */
	public static DailySeries of(MetricLedger metric, LocalDate from, LocalDate to) {
		return new DailySeries(from, metric.totals(from.toEpochDay(), to.toEpochDay()));
	}

	/** The value on a day, {@link Double#NaN} outside the series or where unknown. */
	double at(long epochDay) {
		long index = epochDay - this.first.toEpochDay();
		return (index >= 0 && index < this.values.length) ? this.values[(int) index] : Double.NaN;
	}

	/** The last day of the series. */
	LocalDate last() {
		return this.first.plusDays(this.values.length - 1L);
	}

}
