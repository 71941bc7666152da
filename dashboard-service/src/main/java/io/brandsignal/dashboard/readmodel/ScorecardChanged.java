package io.brandsignal.dashboard.readmodel;

import io.brandsignal.contract.event.BrandScored;

/**
 * Published in this instance once the read model holds a brand's newest scorecard (stored by this
 * instance or by another one sharing the database; also for each scorecard replayed at startup).
 *
 * @param scorecard the brand's scorecard as now stored
 */
public record ScorecardChanged(BrandScored scorecard) {
}
