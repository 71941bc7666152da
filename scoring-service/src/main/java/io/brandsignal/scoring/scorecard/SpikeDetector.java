package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.MetricHistory;

/**
 * Finds a one-day audience jump far beyond the brand's own recent day-to-day variation that no rise in
 * engagement explains: bought followers, a giveaway, a bot wave.
 * <p>
 * For each audience stock (OUTPUT tier, LEVEL kind) and each day {@code t} of the window reported
 * together with the day before, the increase {@code d(t) = x(t) - x(t-1)} is compared with the
 * increases of the {@code spikeBaselineDays} days before it (only days reported together with their
 * previous day): {@code z = (d(t) - median) / max(1.4826 * MAD, floor% * x(t-1))}. A day with
 * {@code z >= spikeThreshold} is a spike unless some engagement metric (OUTTAKE tier) on that day or
 * the next is at least {@code spikeEngagementRisePercent} above its own baseline median.
 */
public final class SpikeDetector {

	private static final double MAD_TO_SIGMA = 1.4826;

	private final ScoringRules rules;

	public SpikeDetector(ScoringRules rules) {
		this.rules = rules;
	}

	/**
	 * The strongest unexplained audience spike in the window, if any.
	 * @param ledger the brand's data
	 * @param start first day of the window
	 * @param end last day of the window
	 * @return the spike with the highest z-score
	 */
	public Optional<Spike> strongestSpike(BrandLedger ledger, LocalDate start, LocalDate end) {
		List<MetricHistory> engagement = ledger.metrics()
			.stream()
			.filter((history) -> history.definition().tier() == MetricTier.OUTTAKE)
			.toList();
		Spike strongest = null;
		for (MetricHistory audience : ledger.metrics()) {
			if (audience.definition().tier() != MetricTier.OUTPUT || audience.definition().kind() != MetricKind.LEVEL) {
				continue;
			}
			for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
				Spike spike = spikeOn(audience, day);
				if (spike != null && !engagementRose(engagement, day)
						&& (strongest == null || spike.zScore() > strongest.zScore())) {
					strongest = spike;
				}
			}
		}
		return Optional.ofNullable(strongest);
	}

	private Spike spikeOn(MetricHistory audience, LocalDate day) {
		Double increase = increase(audience, day);
		if (increase == null || increase <= 0) {
			return null;
		}
		List<Double> baseline = new ArrayList<>();
		for (int back = 1; back <= this.rules.spikeBaselineDays(); back++) {
			Double earlier = increase(audience, day.minusDays(back));
			if (earlier != null) {
				baseline.add(earlier);
			}
		}
		if (baseline.size() < this.rules.spikeMinBaselineDays()) {
			return null;
		}
		double[] values = baseline.stream().mapToDouble(Double::doubleValue).toArray();
		double median = median(values);
		double[] deviations = Arrays.stream(values).map((value) -> Math.abs(value - median)).toArray();
		double previous = audience.observed().get(day.minusDays(1));
		double scale = Math.max(MAD_TO_SIGMA * median(deviations),
				Math.max(this.rules.spikeNoiseFloorPercent() / 100 * Math.abs(previous), 1e-9));
		double z = (increase - median) / scale;
		if (z < this.rules.spikeThreshold()) {
			return null;
		}
		double percent = (previous > 0) ? increase / previous * 100 : Double.NaN;
		return new Spike(audience.name(), day, increase, percent, z);
	}

	private static Double increase(MetricHistory history, LocalDate day) {
		Double today = history.observed().get(day);
		Double yesterday = history.observed().get(day.minusDays(1));
		return (today != null && yesterday != null) ? today - yesterday : null;
	}

	private boolean engagementRose(List<MetricHistory> engagement, LocalDate day) {
		for (MetricHistory metric : engagement) {
			double[] baseline = metric.observed()
				.subMap(day.minusDays(this.rules.spikeBaselineDays()), true, day, false)
				.values()
				.stream()
				.mapToDouble(Double::doubleValue)
				.toArray();
			if (baseline.length < this.rules.spikeMinBaselineDays()) {
				continue;
			}
			double threshold = median(baseline) * (1 + this.rules.spikeEngagementRisePercent() / 100);
			for (LocalDate candidate : List.of(day, day.plusDays(1))) {
				Double value = metric.observed().get(candidate);
				if (value != null && value > 0 && value >= threshold) {
					return true;
				}
			}
		}
		return false;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * An unexplained one-day audience jump.
	 *
	 * @param metric the audience metric that jumped
	 * @param date the day of the jump
	 * @param increase the increase over the day before
	 * @param percent the increase in percent of the day before ({@code NaN} from zero)
	 * @param zScore how many robust standard deviations the increase lies above the baseline median
	 */
	public record Spike(String metric, LocalDate date, double increase, double percent, double zScore) {
	}

}
