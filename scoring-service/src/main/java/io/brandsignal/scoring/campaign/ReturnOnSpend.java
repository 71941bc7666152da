package io.brandsignal.scoring.campaign;

/**
 * Incremental revenue per unit of spend (ROI as marketers use it: 1.5 means each euro spent brought 1.50 euros
 * of extra revenue), for a metric whose unit is a currency; the revenue is assumed to be in the spend's
 * currency (one currency per brand).
 *
 * @param metric the revenue metric
 * @param ratio incremental revenue / spend
 * @param low lower end, from the effect's interval
 * @param high upper end
 */
public record ReturnOnSpend(String metric, double ratio, double low, double high) {
}
