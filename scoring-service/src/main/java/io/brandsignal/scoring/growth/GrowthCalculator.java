package io.brandsignal.scoring.growth;

import java.time.LocalDate;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.scoring.ledger.ChannelSeries;
import io.brandsignal.scoring.ledger.MetricLedger;
import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * How one metric moved over the window {@code [start, end]}, with its uncertainty: one measure for
 * LEVEL and FLOW metrics alike. Each channel that counts gets a {@link RobustTrend} over its own days;
 * the metric's change is the sum of the channels' fitted changes over the window, its start value the
 * sum of their fitted start levels, so connecting or dropping a channel is never growth: only channels
 * present at both ends count.
 * <ul>
 * <li>A LEVEL channel counts when it has a (carried, not stale) value on the window's first and last
 * day; its trend runs through its carried values.</li>
 * <li>A FLOW channel counts when it reported within its cadence (at least a week) of both ends; its
 * trend runs through the days it reported (a missing day is unknown, never zero).</li>
 * </ul>
 * {@code growth% = 100 * change / start} on ratio scales; on signed scales (NPS, sentiment) the change
 * in percentage points of the scale's width. The margin is the t quantile at the configured confidence
 * times the standard error, the channels' errors added in quadrature.
 */
public final class GrowthCalculator {

	private final ScoringRules.Growth rules;

	private final RobustTrend trend;

	public GrowthCalculator(ScoringRules.Growth rules) {
		this.rules = rules;
		this.trend = new RobustTrend(rules.maxNoiseAutocorrelation());
	}

	/**
	 * The growth of a metric over the window.
	 * @param metric the metric's channels
	 * @param start first day of the window
	 * @param end last day of the window
	 * @return the growth, unknown parts {@code null}
	 */
	public MetricGrowth growth(MetricLedger metric, LocalDate start, LocalDate end) {
		MetricDefinition definition = metric.definition();
		long first = start.toEpochDay();
		long last = end.toEpochDay();
		int days = (int) (last - first + 1);
		double startLevel = 0;
		double change = 0;
		double variance = 0;
		int degreesOfFreedom = Integer.MAX_VALUE;
		int channels = 0;
		for (ChannelSeries channel : metric.channels()) {
			if (!counts(channel, definition.kind(), first, last)) {
				continue;
			}
			RobustTrend.Fit fit = this.trend.fit(values(channel, definition.kind(), first, days));
			if (fit == null) {
				continue;
			}
			startLevel += fit.level();
			change += fit.slope() * (days - 1);
			variance += Math.pow(fit.standardError() * (days - 1), 2);
			degreesOfFreedom = Math.min(degreesOfFreedom, fit.degreesOfFreedom());
			channels++;
		}
		int observed = metric.observedDays(first, last);
		Double scale = scale(definition, startLevel);
		if (channels == 0 || scale == null || !Double.isFinite(variance)) {
			return new MetricGrowth(definition.name(), definition.category(), definition.tier(), null, null, null, null,
					observed, channels);
		}
		double growth = 100 * change / scale;
		double standardError = 100 * Math.sqrt(variance) / scale;
		double margin = RobustTrend.quantile(this.rules.confidence(), degreesOfFreedom) * standardError;
		return new MetricGrowth(definition.name(), definition.category(), definition.tier(), round(startLevel, 4),
				round(startLevel + change, 4), round(growth, 2), round(margin, 2), observed, channels);
	}

	/**
	 * Whether a channel's data spans the window: a LEVEL channel known on both end days, a FLOW channel
	 * reporting within its cadence (and at least a week) of both ends.
	 */
	private static boolean counts(ChannelSeries channel, MetricKind kind, long start, long end) {
		if (kind == MetricKind.LEVEL) {
			return !Double.isNaN(channel.carried(start)) && !Double.isNaN(channel.carried(end));
		}
		int reach = Math.max(7, channel.cadenceDays());
		int first = channel.earliestReportOnOrAfter(start);
		int last = channel.latestReportOnOrBefore(end);
		return first >= 0 && last >= 0 && channel.reportDay(first) < start + reach
				&& channel.reportDay(last) > end - reach;
	}

	private static double[] values(ChannelSeries channel, MetricKind kind, long start, int days) {
		double[] values = new double[days];
		for (int i = 0; i < days; i++) {
			values[i] = (kind == MetricKind.LEVEL) ? channel.carried(start + i) : channel.reported(start + i);
		}
		return values;
	}

	/** What a change is a percentage of: the start level on ratio scales, the scale's width on signed ones. */
	private static Double scale(MetricDefinition definition, double startLevel) {
		if (definition.min() < 0 && Double.isFinite(definition.max())) {
			return definition.max() - definition.min();
		}
		return (startLevel > 0) ? startLevel : null;
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
