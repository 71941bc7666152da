package io.brandsignal.scoring.evidence;

import io.brandsignal.contract.event.ConversionEvidence;

/** Interim adapter over the old calculator; replaced by the lead-test rewrite. */
public final class LeadTest {

	private final ConversionEvidenceCalculator calculator;

	private final int minPairedDays;

	public LeadTest(int maxLagDays, int minPairedDays, double significanceLevel) {
		this.calculator = new ConversionEvidenceCalculator(maxLagDays, minPairedDays, significanceLevel);
		this.minPairedDays = minPairedDays;
	}

	public int pairedDays(LeadSeries audience, LeadSeries outcome) {
		double[] a = ConversionEvidenceCalculator.logGrowth(audience.values(), audience.min());
		double[] b = ConversionEvidenceCalculator.logGrowth(outcome.values(), outcome.min());
		int n = 0;
		for (int t = 0; t < Math.min(a.length, b.length); t++) {
			if (Double.isFinite(a[t]) && Double.isFinite(b[t])) {
				n++;
			}
		}
		return n;
	}

	public ConversionEvidence evaluate(LeadSeries audience, LeadSeries outcome) {
		return this.calculator.evaluate(audience.name(), audience.values(), audience.min(), outcome.name(),
				outcome.values(), outcome.min());
	}

}
