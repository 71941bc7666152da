package io.brandsignal.scoring.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.scoring.evidence.ConversionEvidenceCalculator;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.MetricHistory;

/**
 * Turns a brand's ledger into its scorecard: growth per metric and per side, conversion evidence,
 * vanity index, impact score, verdict, flags and explanation. Pure and deterministic: the same ledger
 * always gives the same scorecard (apart from {@code scoredAt}). docs/scoring.md describes the method.
 */
public final class BrandScorer {

	/** Flag for an audience jump that engagement does not explain. */
	public static final String FOLLOWER_SPIKE = "FOLLOWER_SPIKE";

	private final ScoringRules rules;

	private final GrowthCalculator growthCalculator;

	private final ConversionEvidenceCalculator evidenceCalculator;

	private final SpikeDetector spikeDetector;

	public BrandScorer(ScoringRules rules) {
		this.rules = rules;
		this.growthCalculator = new GrowthCalculator(rules.minFlowDaysPerHalf());
		this.evidenceCalculator = new ConversionEvidenceCalculator(rules.maxLagDays(), rules.minEvidenceSamples(),
				rules.significanceLevel());
		this.spikeDetector = new SpikeDetector(rules);
	}

	/**
	 * Scores a brand over the window ending at its latest day with data.
	 * @param ledger the brand's data; must not be empty
	 * @param scoredAt the time to stamp on the scorecard
	 * @return the scorecard
	 */
	public BrandScored score(BrandLedger ledger, Instant scoredAt) {
		if (ledger.isEmpty()) {
			throw new IllegalArgumentException("Brand '" + ledger.brand() + "' has no data to score");
		}
		LocalDate asOf = ledger.latestDate();
		LocalDate start = asOf.minusDays(this.rules.windowDays() - 1L);
		List<MetricGrowth> growths = new ArrayList<>();
		for (MetricHistory history : ledger.metrics()) {
			if (history.valueOn(asOf) != null || history.observedDays(start, asOf) > 0) {
				growths.add(this.growthCalculator.growth(history, start, asOf));
			}
		}
		Double vanityGrowth = combinedGrowth(growths, MetricCategory.VANITY);
		Double outcomeGrowth = combinedGrowth(growths, MetricCategory.OUTCOME);
		Optional<MetricHistory> audience = primary(ledger, asOf, MetricTier.OUTPUT, MetricTier.OUTTAKE);
		Optional<MetricHistory> outcome = primary(ledger, asOf, MetricTier.IMPACT, MetricTier.OUTCOME);
		ConversionEvidence evidence = evidence(audience, outcome, asOf);
		Verdict verdict = verdict(vanityGrowth, outcomeGrowth);
		boolean scored = verdict != Verdict.INSUFFICIENT_DATA;
		double vanityIndex = scored ? vanityIndex(vanityGrowth, outcomeGrowth) : 0;
		double impactScore = scored ? impactScore(outcomeGrowth, evidence) : 0;
		Optional<SpikeDetector.Spike> spike = this.spikeDetector.strongestSpike(ledger, start, asOf);
		List<String> flags = spike.isPresent() ? List.of(FOLLOWER_SPIKE) : List.of();
		Explanation explanation = new Explanation(this.rules, asOf, growths, vanityGrowth, outcomeGrowth,
				audience.map(MetricHistory::name), outcome.map(MetricHistory::name), evidence, verdict, spike);
		return new BrandScored(ledger.brand(), asOf, this.rules.windowDays(), verdict, vanityGrowth, null, null, outcomeGrowth, null,
				null, vanityIndex, impactScore, growths, roundEvidence(evidence), flags, explanation.text(), scoredAt);
	}

	/**
	 * Whether a metric's growth counts toward its side: known, and reported on at least
	 * {@code minObservedDays} days of the window.
	 */
	boolean counts(MetricGrowth growth) {
		return growth.growthPercent() != null && growth.daysObserved() >= this.rules.minObservedDays();
	}

	/**
	 * The side's growth: the mean growth of each tier's counting metrics, weighted by tier:
	 * {@code sum(w_tier * mean_tier) / sum(w_tier)} over the tiers that have counting metrics.
	 */
	Double combinedGrowth(List<MetricGrowth> growths, MetricCategory side) {
		Map<MetricTier, double[]> perTier = new EnumMap<>(MetricTier.class);
		for (MetricGrowth growth : growths) {
			if (growth.category() == side && counts(growth)) {
				double[] sumAndCount = perTier.computeIfAbsent(growth.tier(), (tier) -> new double[2]);
				sumAndCount[0] += growth.growthPercent();
				sumAndCount[1]++;
			}
		}
		double weighted = 0;
		double weights = 0;
		for (Map.Entry<MetricTier, double[]> tier : perTier.entrySet()) {
			double weight = this.rules.weight(tier.getKey());
			weighted += weight * tier.getValue()[0] / tier.getValue()[1];
			weights += weight;
		}
		return (weights > 0) ? Numbers.round(weighted / weights, 2) : null;
	}

	/**
	 * The verdict from combined growths V (audience) and O (outcomes) against thresholds tV and tO:
	 * unknown side: INSUFFICIENT_DATA; V >= tV and O >= tO: BRAND_BUILDER; V >= tV: VANITY_TRAP;
	 * O >= tO: QUIET_PERFORMER; O <= -tO: DECLINING; otherwise STEADY.
	 */
	Verdict verdict(Double vanityGrowth, Double outcomeGrowth) {
		if (vanityGrowth == null || outcomeGrowth == null) {
			return Verdict.INSUFFICIENT_DATA;
		}
		boolean audienceUp = vanityGrowth >= this.rules.vanityGrowthThresholdPercent();
		boolean outcomesUp = outcomeGrowth >= this.rules.outcomeGrowthThresholdPercent();
		boolean outcomesDown = outcomeGrowth <= -this.rules.outcomeGrowthThresholdPercent();
		if (audienceUp) {
			return outcomesUp ? Verdict.BRAND_BUILDER : Verdict.VANITY_TRAP;
		}
		if (outcomesUp) {
			return Verdict.QUIET_PERFORMER;
		}
		return outcomesDown ? Verdict.DECLINING : Verdict.STEADY;
	}

	/**
	 * {@code 100 * (1 - exp(-gap / s))} with {@code gap = max(0, V - max(O, 0))}: audience growth beyond
	 * outcome growth (falling outcomes count as zero), saturating with scale {@code s}. Zero when
	 * outcomes grow at least as fast as the audience, or the audience does not grow.
	 */
	double vanityIndex(Double vanityGrowth, Double outcomeGrowth) {
		if (vanityGrowth == null || outcomeGrowth == null) {
			return 0;
		}
		double gap = Math.max(0, vanityGrowth - Math.max(outcomeGrowth, 0));
		return Numbers.round(100 * (1 - Math.exp(-gap / this.rules.vanityIndexScalePercent())), 1);
	}

	/**
	 * {@code 100 * ((1 - w) * (1 - exp(-max(O, 0) / s)) + w * strength)}, with
	 * {@code strength = max(0, r) * (1 - p)} of the conversion evidence (0 when insufficient): outcome
	 * growth earns up to {@code 1 - w} of the score, a strong and certain link to the audience up to
	 * {@code w}.
	 */
	double impactScore(Double outcomeGrowth, ConversionEvidence evidence) {
		if (outcomeGrowth == null) {
			return 0;
		}
		double weight = this.rules.impactEvidenceWeight();
		double growthPart = 1 - Math.exp(-Math.max(outcomeGrowth, 0) / this.rules.impactScoreScalePercent());
		double strength = (evidence.bestLagDays() != null)
				? Math.max(0, evidence.correlation()) * (1 - evidence.pValue()) : 0;
		return Numbers.round(100 * ((1 - weight) * growthPart + weight * strength), 1);
	}

	/**
	 * The metric that stands for a side in the conversion evidence and the explanation: of the first
	 * preferred tier that has data, the metric reported on most days of the lookback (catalog order
	 * breaks ties).
	 */
	private Optional<MetricHistory> primary(BrandLedger ledger, LocalDate asOf, MetricTier... preferred) {
		LocalDate from = asOf.minusDays(this.rules.lookbackDays() - 1L);
		for (MetricTier tier : preferred) {
			Optional<MetricHistory> best = ledger.metrics()
				.stream()
				.filter((history) -> history.definition().tier() == tier)
				.filter((history) -> history.observedDays(from, asOf) > 0)
				.max(Comparator.comparingInt((MetricHistory history) -> history.observedDays(from, asOf))
					.thenComparing(Comparator.comparingInt((MetricHistory history) -> -ordinal(ledger, history))));
			if (best.isPresent()) {
				return best;
			}
		}
		return Optional.empty();
	}

	private static int ordinal(BrandLedger ledger, MetricHistory history) {
		int index = 0;
		for (MetricHistory candidate : ledger.metrics()) {
			if (candidate == history) {
				return index;
			}
			index++;
		}
		return index;
	}

	private ConversionEvidence evidence(Optional<MetricHistory> audience, Optional<MetricHistory> outcome,
			LocalDate asOf) {
		if (audience.isEmpty() || outcome.isEmpty()) {
			return ConversionEvidence.insufficient(audience.map(MetricHistory::name).orElse("vanity"),
					outcome.map(MetricHistory::name).orElse("outcome"), 0);
		}
		LocalDate from = asOf.minusDays(this.rules.lookbackDays() - 1L);
		MetricHistory vanity = audience.get();
		MetricHistory result = outcome.get();
		return this.evidenceCalculator.evaluate(vanity.name(), vanity.series(from, asOf), vanity.definition().min(),
				result.name(), result.series(from, asOf), result.definition().min());
	}

	private static ConversionEvidence roundEvidence(ConversionEvidence evidence) {
		return new ConversionEvidence(evidence.vanitySeries(), evidence.outcomeSeries(), evidence.bestLagDays(),
				Numbers.round(evidence.correlation(), 4), Numbers.round(evidence.elasticity(), 4), null, null,
				(evidence.pValue() != null) ? Double.valueOf(significant(evidence.pValue())) : null,
				evidence.samples(), evidence.significant());
	}

	/** Four significant digits: enough for any reader, stable for comparisons. */
	private static double significant(double value) {
		if (value == 0 || !Double.isFinite(value)) {
			return value;
		}
		return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
	}

}
