package io.brandsignal.scoring.evidence;

import io.brandsignal.contract.catalog.MetricKind;

/** One side's daily series for the lead test (interim; replaced by the lead-test rewrite). */
public record LeadSeries(String name, MetricKind kind, double min, double max, double[] values) {
}
