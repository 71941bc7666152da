package io.brandsignal.scoring.campaign;

import java.time.LocalDate;

/**
 * One day of a metric around a campaign, for the chart of its lift ({@link CampaignLiftEstimator#days}): the
 * actual value against the counterfactual, with the counterfactual's band.
 *
 * @param date the day
 * @param actual the metric's value that day, as the ledger reads it
 * @param counterfactual what the counterfactual predicts for that day (a LEVEL: the level, chained from the
 * last known day before the campaign)
 * @param low lower end of the counterfactual's band
 * @param high upper end of the counterfactual's band
 */
public record CounterfactualDay(LocalDate date, double actual, double counterfactual, double low, double high) {
}
