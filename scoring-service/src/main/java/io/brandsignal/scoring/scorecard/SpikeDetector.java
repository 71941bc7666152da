package io.brandsignal.scoring.scorecard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.ChannelSeries;
import io.brandsignal.scoring.ledger.MetricLedger;

/**
 * Finds an audience jump far beyond a channel's own usual increases that no rise in engagement per
 * follower explains: bought followers, a giveaway, a bot wave.
 * <p>
 * Per channel of each audience stock (OUTPUT tier, LEVEL kind), each report in the window is compared
 * with the channel's previous report, however many days lie between them (a weekly channel, a missing
 * day): the increase {@code d} over {@code g} days against the channel's earlier per-day increases
 * ({@code baselineReports} of them), {@code z = (d - median * g) / (sigma * sqrt(g))} with
 * {@code sigma = max(1.4826 * MAD, noiseFloor% * level)}. A report with {@code z >= threshold} is a spike
 * unless engagement per follower (the channel's OUTTAKE reports over its audience where engagement is
 * reported per channel, else the brand's) on a day the jump could have happened, or the day after, lies
 * {@code engagementZ} robust standard deviations above what is usual for its weekday over the previous
 * eight weeks. A channel's first report, or a report after it went stale, is a connection, never a
 * spike. A brand without engagement data cannot show a matching rise, so its spikes are flagged.
 */
public final class SpikeDetector {

	private static final double MAD_TO_SIGMA = 1.4826;

	private static final int ENGAGEMENT_BASELINE_DAYS = 56;

	private final ScoringRules.Spikes rules;

	public SpikeDetector(ScoringRules.Spikes rules) {
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
		Map<String, EngagementPerFollower> engagement = new HashMap<>();
		Spike strongest = null;
		for (MetricLedger audience : ledger.metrics()) {
			if (audience.definition().tier() != MetricTier.OUTPUT || audience.definition().kind() != MetricKind.LEVEL) {
				continue;
			}
			for (ChannelSeries channel : audience.channels()) {
				for (Spike spike : spikes(audience.name(), channel, start, end)) {
					if ((strongest == null || spike.zScore() > strongest.zScore())
							&& !engagement.computeIfAbsent(spike.channel(), (name) -> new EngagementPerFollower(ledger, name))
								.rose(spike.from(), spike.date(), this.rules.engagementZ())) {
						strongest = spike;
					}
				}
			}
		}
		return Optional.ofNullable(strongest);
	}

	private List<Spike> spikes(String metric, ChannelSeries channel, LocalDate start, LocalDate end) {
		long first = start.toEpochDay();
		long last = end.toEpochDay();
		double[] rates = new double[channel.reports()];
		int baselineStart = 0;
		int baselineEnd = 0;
		List<Spike> spikes = new ArrayList<>();
		for (int i = 1; i < channel.reports(); i++) {
			long previous = channel.reportDay(i - 1);
			long day = channel.reportDay(i);
			long gap = day - previous;
			if (gap > channel.stalenessDays()) {
				// the channel went stale and came back: a reconnection, and earlier increases no longer apply
				baselineStart = baselineEnd;
				continue;
			}
			double before = channel.reportValue(i - 1);
			double increase = channel.reportValue(i) - before;
			int baseline = baselineEnd - baselineStart;
			if (day >= first && day <= last && increase > 0 && baseline >= this.rules.minBaselineReports()) {
				double[] recent = Arrays.copyOfRange(rates, Math.max(baselineStart, baselineEnd - this.rules.baselineReports()),
						baselineEnd);
				double median = median(recent);
				for (int k = 0; k < recent.length; k++) {
					recent[k] = Math.abs(recent[k] - median);
				}
				double sigma = Math.max(MAD_TO_SIGMA * median(recent),
						Math.max(this.rules.noiseFloorPercent() / 100 * Math.abs(before), 1e-9));
				double z = (increase - median * gap) / (sigma * Math.sqrt(gap));
				if (z >= this.rules.threshold()) {
					double percent = (before > 0) ? increase / before * 100 : Double.NaN;
					spikes.add(new Spike(metric, channel.channel(), LocalDate.ofEpochDay(previous + 1),
							LocalDate.ofEpochDay(day), increase, percent, z));
				}
			}
			rates[baselineEnd++] = increase / gap;
		}
		return spikes;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Engagement per follower by day, on a log scale (engagement is multiplicative): the channel's own
	 * OUTTAKE reports over its audience stock where the brand reports engagement per channel, otherwise
	 * the brand's OUTTAKE totals over its audience stock totals.
	 */
	private static final class EngagementPerFollower {

		private final List<ChannelSeries> channelEngagement = new ArrayList<>();

		private final List<ChannelSeries> channelAudience = new ArrayList<>();

		private final List<MetricLedger> engagement = new ArrayList<>();

		private final List<MetricLedger> audience = new ArrayList<>();

		EngagementPerFollower(BrandLedger ledger, String channel) {
			for (MetricLedger metric : ledger.metrics()) {
				boolean engagementMetric = metric.definition().tier() == MetricTier.OUTTAKE;
				boolean audienceMetric = metric.definition().tier() == MetricTier.OUTPUT
						&& metric.definition().kind() == MetricKind.LEVEL;
				if (engagementMetric) {
					this.engagement.add(metric);
				}
				else if (audienceMetric) {
					this.audience.add(metric);
				}
				for (ChannelSeries series : metric.channels()) {
					if (series.channel().equals(channel)) {
						if (engagementMetric) {
							this.channelEngagement.add(series);
						}
						else if (audienceMetric) {
							this.channelAudience.add(series);
						}
					}
				}
			}
		}

		/**
		 * Whether engagement per follower on a day in {@code [from, to + 1]} lies {@code z} robust standard
		 * deviations above what is usual for its weekday over the eight weeks before {@code from}. Each day
		 * is compared with its weekday's median (posting days engage more); the spread comes from the
		 * week-on-week differences of the baseline, {@code 1.4826 MAD / sqrt(2)}, which a weekly rhythm
		 * does not inflate and few points per weekday do not shrink, widened by {@code sqrt(1 + 1.2/8)}
		 * for the noise of a median of eight.
		 */
		boolean rose(LocalDate from, LocalDate to, double z) {
			if (this.engagement.isEmpty()) {
				return false;
			}
			Double[] baseline = new Double[ENGAGEMENT_BASELINE_DAYS];
			double[][] byWeekday = new double[7][ENGAGEMENT_BASELINE_DAYS / 7 + 1];
			int[] counts = new int[7];
			LocalDate first = from.minusDays(ENGAGEMENT_BASELINE_DAYS);
			for (int i = 0; i < ENGAGEMENT_BASELINE_DAYS; i++) {
				LocalDate day = first.plusDays(i);
				baseline[i] = logPerFollower(day);
				if (baseline[i] != null) {
					int weekday = day.getDayOfWeek().ordinal();
					byWeekday[weekday][counts[weekday]++] = baseline[i];
				}
			}
			double[] weekOnWeek = new double[ENGAGEMENT_BASELINE_DAYS];
			int differences = 0;
			for (int i = 7; i < ENGAGEMENT_BASELINE_DAYS; i++) {
				if (baseline[i] != null && baseline[i - 7] != null) {
					weekOnWeek[differences++] = baseline[i] - baseline[i - 7];
				}
			}
			if (differences < 7) {
				return false;
			}
			double[] changes = Arrays.copyOf(weekOnWeek, differences);
			double centre = median(changes);
			for (int i = 0; i < changes.length; i++) {
				changes[i] = Math.abs(changes[i] - centre);
			}
			double sigma = Math.max(MAD_TO_SIGMA * median(changes) / Math.sqrt(2) * Math.sqrt(1 + 1.2 * 7 / ENGAGEMENT_BASELINE_DAYS), 0.01);
			for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
				int weekday = day.getDayOfWeek().ordinal();
				Double value = logPerFollower(day);
				if (value != null && counts[weekday] > 0
						&& (value - median(Arrays.copyOf(byWeekday[weekday], counts[weekday]))) / sigma >= z) {
					return true;
				}
			}
			return false;
		}

		private Double logPerFollower(LocalDate date) {
			long day = date.toEpochDay();
			double engaged = 0;
			double followers = 0;
			boolean any = false;
			if (!this.channelEngagement.isEmpty()) {
				for (ChannelSeries series : this.channelEngagement) {
					double reported = series.reported(day);
					if (!Double.isNaN(reported)) {
						engaged += reported;
						any = true;
					}
				}
				for (ChannelSeries series : this.channelAudience) {
					double carried = series.carried(day);
					followers += Double.isNaN(carried) ? 0 : carried;
				}
			}
			else {
				for (MetricLedger metric : this.engagement) {
					double total = metric.total(day);
					if (!Double.isNaN(total)) {
						engaged += total;
						any = true;
					}
				}
				for (MetricLedger metric : this.audience) {
					double total = metric.total(day);
					followers += Double.isNaN(total) ? 0 : total;
				}
			}
			if (!any) {
				return null;
			}
			// without an audience stock, engagement alone (per follower of a constant audience)
			return Math.log1p(engaged) - ((followers > 0) ? Math.log(followers) : 0);
		}

	}

	/**
	 * An unexplained audience jump on one channel.
	 *
	 * @param metric the audience metric that jumped
	 * @param channel the channel it jumped on
	 * @param from the first day the jump could have happened (the day after the channel's previous report)
	 * @param date the day of the report that showed it
	 * @param increase the increase over the previous report
	 * @param percent the increase in percent of the previous report ({@code NaN} from zero)
	 * @param zScore how many robust standard deviations the increase lies above the channel's usual
	 */
	public record Spike(String metric, String channel, LocalDate from, LocalDate date, double increase,
			double percent, double zScore) {
	}

}
