package io.brandsignal.dashboard.readmodel;

import io.brandsignal.contract.event.BrandScored;

/**
 * Published in this instance after a newer scorecard was stored for a brand.
 *
 * @param scorecard the brand's scorecard as now stored
 */
public record ScorecardChanged(BrandScored scorecard) {
}
