package io.brandsignal.scoring.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.scoring.evidence.LeadSeries;
import io.brandsignal.scoring.evidence.LeadTest;
import io.brandsignal.scoring.growth.GrowthCalculator;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.MetricLedger;

/**
 * Turns a brand's ledger into its scorecard: growth per metric and per side with their uncertainty,
 * each side's trend, the lead test, vanity index, impact score, verdict, flags and explanation. Pure and
 * deterministic: the same ledger always gives the same scorecard (apart from {@code scoredAt}).
 * docs/scoring.md describes the method.
 */
public final class BrandScorer {

	/** Flag for an audience jump that engagement does not explain. */
	public static final String FOLLOWER_SPIKE = "FOLLOWER_SPIKE";

	private static final List<MetricTier> AUDIENCE_TIERS = List.of(MetricTier.OUTPUT, MetricTier.OUTTAKE);

	private static final List<MetricTier> OUTCOME_TIERS = List.of(MetricTier.IMPACT, MetricTier.OUTCOME);

	/** Share of the most paired days a series pair needs to be considered for the lead test. */
	static final int USABLE_SHARE_PERCENT = 80;

	private final ScoringRules rules;

	private final GrowthCalculator growthCalculator;

	private final LeadTest leadTest;

	private final SpikeDetector spikeDetector;

	public BrandScorer(ScoringRules rules) {
		this.rules = rules;
		this.growthCalculator = new GrowthCalculator(rules.growth());
		this.leadTest = new LeadTest(rules.evidence().maxLagDays(), rules.evidence().minPairedDays(),
				rules.evidence().significanceLevel());
		this.spikeDetector = new SpikeDetector(rules.spikes());
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
		LocalDate start = asOf.minusDays(this.rules.window().days() - 1L);
		List<MetricGrowth> growths = new ArrayList<>();
		for (MetricLedger metric : ledger.metrics()) {
			if (!Double.isNaN(metric.total(asOf.toEpochDay()))
					|| metric.observedDays(start.toEpochDay(), asOf.toEpochDay()) > 0) {
				growths.add(this.growthCalculator.growth(metric, start, asOf));
			}
		}
		SideGrowth audience = combined(growths, MetricCategory.VANITY, this.rules.growth().vanityThresholdPercent());
		SideGrowth outcomes = combined(growths, MetricCategory.OUTCOME, this.rules.growth().outcomeThresholdPercent());
		ConversionEvidence evidence = evidence(ledger, asOf);
		Verdict verdict = verdict(audience.trend(), outcomes.trend());
		boolean scored = verdict != Verdict.INSUFFICIENT_DATA;
		double vanityIndex = scored ? vanityIndex(audience, outcomes) : 0;
		double impactScore = scored ? impactScore(outcomes, evidence) : 0;
		Optional<SpikeDetector.Spike> spike = this.spikeDetector.strongestSpike(ledger, start, asOf);
		List<String> flags = spike.isPresent() ? List.of(FOLLOWER_SPIKE) : List.of();
		String explanation = new Explanation(this.rules, asOf, growths, audience, outcomes, evidence, verdict, spike)
			.text();
		return new BrandScored(ledger.brand(), asOf, this.rules.window().days(), verdict, audience.percent(),
				audience.margin(), audience.trend(), outcomes.percent(), outcomes.margin(), outcomes.trend(),
				vanityIndex, impactScore, growths, rounded(evidence), flags, explanation, scoredAt);
	}

	/**
	 * Whether a metric's growth counts toward its side: known, and reported on at least
	 * {@code growth.min-observed-days} days of the window.
	 */
	boolean counts(MetricGrowth growth) {
		return growth.growthPercent() != null && growth.daysObserved() >= this.rules.growth().minObservedDays();
	}

	/**
	 * A side's growth: a weighted mean of its counting metrics' growths, {@code G = sum(w_i g_i) / sum(w_i)},
	 * with the margin propagated in quadrature, {@code M = sqrt(sum(w_i^2 M_i^2)) / sum(w_i)}, and its
	 * trend: UP when {@code G >= threshold} and {@code G - M > 0}, DOWN when {@code G <= -threshold} and
	 * {@code G + M < 0}, FLAT otherwise, UNKNOWN without counting metrics. A metric's weight is its tier's
	 * weight shared among the tier's counting metrics, times its precision {@code 1 / (1 + (M_i / T)^2)}
	 * ({@code T} the threshold): a metric measured to within the threshold keeps most of its weight, a
	 * noisy one (daily likes at ± 40%) cannot blur a clearly measured one (followers at ± 2%).
	 */
	SideGrowth combined(List<MetricGrowth> growths, MetricCategory side, double threshold) {
		Map<MetricTier, Integer> perTier = new EnumMap<>(MetricTier.class);
		List<MetricGrowth> counting = new ArrayList<>();
		for (MetricGrowth growth : growths) {
			if (growth.category() == side && counts(growth)) {
				counting.add(growth);
				perTier.merge(growth.tier(), 1, Integer::sum);
			}
		}
		double weighted = 0;
		double variance = 0;
		double weights = 0;
		for (MetricGrowth growth : counting) {
			double relativeMargin = growth.marginPercent() / threshold;
			double weight = this.rules.weight(growth.tier()) / perTier.get(growth.tier())
					/ (1 + relativeMargin * relativeMargin);
			weighted += weight * growth.growthPercent();
			variance += weight * weight * growth.marginPercent() * growth.marginPercent();
			weights += weight;
		}
		if (weights == 0) {
			return new SideGrowth(null, null, Trend.UNKNOWN);
		}
		double percent = Numbers.round(weighted / weights, 2);
		double margin = Numbers.round(Math.sqrt(variance) / weights, 2);
		Trend trend = Trend.FLAT;
		if (percent >= threshold && percent - margin > 0) {
			trend = Trend.UP;
		}
		else if (percent <= -threshold && percent + margin < 0) {
			trend = Trend.DOWN;
		}
		return new SideGrowth(percent, margin, trend);
	}

	/**
	 * The verdict from the two sides' trends: no outcome data: INSUFFICIENT_DATA; audience and outcomes
	 * up: BRAND_BUILDER; audience up: VANITY_TRAP; outcomes up: QUIET_PERFORMER; outcomes down:
	 * DECLINING; otherwise STEADY. A brand without audience data is judged on its outcomes alone.
	 */
	static Verdict verdict(Trend audience, Trend outcomes) {
		if (outcomes == Trend.UNKNOWN) {
			return Verdict.INSUFFICIENT_DATA;
		}
		if (audience == Trend.UP) {
			return (outcomes == Trend.UP) ? Verdict.BRAND_BUILDER : Verdict.VANITY_TRAP;
		}
		if (outcomes == Trend.UP) {
			return Verdict.QUIET_PERFORMER;
		}
		return (outcomes == Trend.DOWN) ? Verdict.DECLINING : Verdict.STEADY;
	}

	/**
	 * {@code 100 * (1 - exp(-gap / s))} with {@code gap = max(0, V - max(O, 0))} while the audience is up,
	 * 0 otherwise: audience growth beyond outcome growth (falling outcomes count as zero), saturating with
	 * scale {@code s}; an audience that is not clearly growing has no vanity to speak of.
	 */
	double vanityIndex(SideGrowth audience, SideGrowth outcomes) {
		if (audience.trend() != Trend.UP) {
			return 0;
		}
		double outcome = (outcomes.percent() != null) ? Math.max(outcomes.percent(), 0) : 0;
		double gap = Math.max(0, audience.percent() - outcome);
		return Numbers.round(100 * (1 - Math.exp(-gap / this.rules.scores().vanityIndexScalePercent())), 1);
	}

	/**
	 * {@code 100 * ((1 - w) * (1 - exp(-max(0, O - M) / s)) + w * link)}: outcome growth earns up to
	 * {@code 1 - w} of the score by the lower end of its interval, so noise earns nothing; a significant
	 * lead earns up to {@code w} by its correlation, an insignificant one nothing.
	 */
	double impactScore(SideGrowth outcomes, ConversionEvidence evidence) {
		if (outcomes.percent() == null) {
			return 0;
		}
		double weight = this.rules.scores().impactEvidenceWeight();
		double lowerBound = Math.max(0, outcomes.percent() - outcomes.margin());
		double growthPart = 1 - Math.exp(-lowerBound / this.rules.scores().impactScoreScalePercent());
		double link = (evidence.significant() && evidence.correlation() != null) ? Math.max(0, evidence.correlation())
				: 0;
		return Numbers.round(100 * ((1 - weight) * growthPart + weight * link), 1);
	}

	/**
	 * The lead test on the pair of an audience metric and an outcome metric that the most data supports:
	 * among the pairs with at least {@value #USABLE_SHARE_PERCENT}% of the most usable paired days any pair
	 * has, the preferred tiers (OUTPUT before OUTTAKE, IMPACT before OUTCOME), then the most paired days,
	 * then catalog order. A metric reported on a handful of days thus never stands for its side, and a
	 * stock that lacks its first day's change does not lose to an engagement flow by that one day.
	 */
	private ConversionEvidence evidence(BrandLedger ledger, LocalDate asOf) {
		LocalDate from = asOf.minusDays(this.rules.window().lookbackDays() - 1L);
		List<Candidate> audiences = candidates(ledger, AUDIENCE_TIERS, from, asOf);
		List<Candidate> outcomes = candidates(ledger, OUTCOME_TIERS, from, asOf);
		if (audiences.isEmpty() || outcomes.isEmpty()) {
			return ConversionEvidence.insufficient(audiences.isEmpty() ? "vanity" : audiences.get(0).series().name(),
					outcomes.isEmpty() ? "outcome" : outcomes.get(0).series().name(), 0);
		}
		int[][] paired = new int[outcomes.size()][audiences.size()];
		int mostDays = 0;
		for (int o = 0; o < outcomes.size(); o++) {
			for (int a = 0; a < audiences.size(); a++) {
				paired[o][a] = LeadTest.pairedDays(audiences.get(a).usableDays(), outcomes.get(o).usableDays());
				mostDays = Math.max(mostDays, paired[o][a]);
			}
		}
		int usable = (int) Math.ceil(mostDays * USABLE_SHARE_PERCENT / 100.0);
		int bestOutcome = -1;
		int bestAudience = -1;
		for (int o = 0; o < outcomes.size(); o++) {
			for (int a = 0; a < audiences.size(); a++) {
				if (paired[o][a] >= usable && (bestOutcome < 0 || preferred(outcomes, audiences, o, a, bestOutcome,
						bestAudience, paired))) {
					bestOutcome = o;
					bestAudience = a;
				}
			}
		}
		return this.leadTest.evaluate(audiences.get(bestAudience).series(), outcomes.get(bestOutcome).series());
	}

	/** Whether pair (o, a) beats pair (bo, ba): better tiers first, then more paired days. */
	private static boolean preferred(List<Candidate> outcomes, List<Candidate> audiences, int o, int a, int bo, int ba,
			int[][] paired) {
		int byOutcomeTier = Integer.compare(outcomes.get(o).tierRank(), outcomes.get(bo).tierRank());
		if (byOutcomeTier != 0) {
			return byOutcomeTier < 0;
		}
		int byAudienceTier = Integer.compare(audiences.get(a).tierRank(), audiences.get(ba).tierRank());
		if (byAudienceTier != 0) {
			return byAudienceTier < 0;
		}
		return paired[o][a] > paired[bo][ba];
	}

	/** The side's metrics with data in the lookback as lead-test series, in tier preference then catalog order. */
	private static List<Candidate> candidates(BrandLedger ledger, List<MetricTier> tiers, LocalDate from, LocalDate to) {
		List<Candidate> candidates = new ArrayList<>();
		for (int rank = 0; rank < tiers.size(); rank++) {
			for (MetricLedger metric : ledger.metrics()) {
				if (metric.definition().tier() == tiers.get(rank) && metric.lastDay() >= from.toEpochDay()) {
					LeadSeries series = new LeadSeries(metric.name(), metric.definition().kind(),
							metric.definition().min(), metric.definition().max(), metric.compositionFreeLevels(from, to));
					candidates.add(new Candidate(series, rank, LeadTest.usableDays(series)));
				}
			}
		}
		return candidates;
	}

	/**
	 * A metric that may stand for its side in the lead test, with its tier's rank in the side's preference
	 * and the days its signal is known (worked out once, not once per pair).
	 */
	private record Candidate(LeadSeries series, int tierRank, boolean[] usableDays) {
	}

	private static ConversionEvidence rounded(ConversionEvidence evidence) {
		return new ConversionEvidence(evidence.vanitySeries(), evidence.outcomeSeries(), evidence.bestLagDays(),
				Numbers.round(evidence.correlation(), 4), Numbers.round(evidence.elasticity(), 3),
				Numbers.round(evidence.elasticityLow(), 3), Numbers.round(evidence.elasticityHigh(), 3),
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

	/**
	 * One side's combined growth.
	 *
	 * @param percent combined growth in percent, {@code null} when unknown
	 * @param margin half-width of its confidence interval, {@code null} when unknown
	 * @param trend up, down, flat or unknown
	 */
	record SideGrowth(Double percent, Double margin, Trend trend) {
	}

}
