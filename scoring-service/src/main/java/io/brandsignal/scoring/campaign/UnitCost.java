package io.brandsignal.scoring.campaign;

import java.math.BigDecimal;

/**
 * What one incremental unit of a metric cost (per follower, per lead, per unit of revenue): the spend divided by
 * the campaign's total effect, with the interval that follows from the effect's. When the effect's lower end is
 * at or below 0 the cost has no upper bound ({@code high} is {@code null}): the campaign may have bought
 * nothing, and dividing by about 0 would print a number that means nothing.
 *
 * @param metric the metric
 * @param cost spend per incremental unit (4 significant digits)
 * @param low the cheapest cost the effect's interval allows (spend over its upper end)
 * @param high the dearest (spend over its lower end); {@code null} when unbounded
 */
public record UnitCost(String metric, BigDecimal cost, BigDecimal low, BigDecimal high) {

	public boolean unbounded() {
		return this.high == null;
	}

}
