package io.brandsignal.scoring.growth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.catalog.MetricDefinition;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.scoring.ledger.ChannelSeries;
import io.brandsignal.scoring.ledger.MetricLedger;
import io.brandsignal.scoring.scorecard.ScoringRules;

/**
 * How one metric moved over the window {@code [start, end]}, with its uncertainty: one measure for
 * LEVEL and FLOW metrics alike. Only channels present at both ends of the window count, so connecting or
 * dropping a channel is never growth. The counting channels that report together (every LEVEL channel,
 * with its carried values; the daily FLOW channels) are summed per day and get one {@link RobustTrend},
 * so a shock they share enters the margin in full; a FLOW channel at a slower cadence gets a trend of
 * its own. The metric's change is the sum of the fitted changes over the window, its start value the
 * sum of the fitted start levels.
 * <ul>
 * <li>A LEVEL channel counts when it has a (carried, not stale) value on the window's first and last
 * day; its trend runs through its carried values.</li>
 * <li>A FLOW channel counts when it reported within its cadence (at least a week) of both ends; its
 * trend runs through the days it reported (a missing day is unknown, never zero).</li>
 * </ul>
 * {@code growth% = 100 * change / start} on ratio scales; on signed scales (NPS, sentiment) the change
 * in percentage points of the scale's width. The margin is the t quantile at the configured confidence
 * times the standard error, separate fits' errors added in quadrature. Growth is unknown when a fit
 * lacks data (fewer than three same-weekday pairs).
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
		// Channels that report together are fitted as one total, so a shock they share (demand moves every
		// shop at once) enters the margin once, fully; channels at their own cadence are fitted alone and
		// their errors added in quadrature.
		List<ChannelSeries> together = new ArrayList<>();
		List<ChannelSeries> alone = new ArrayList<>();
		for (ChannelSeries channel : metric.channels()) {
			if (counts(channel, definition.kind(), first, last)) {
				boolean summable = definition.kind() == MetricKind.LEVEL || channel.daily();
				(summable ? together : alone).add(channel);
			}
		}
		List<RobustTrend.Fit> fits = new ArrayList<>();
		if (!together.isEmpty()) {
			fits.add(this.trend.fit(total(together, definition.kind(), first, days)));
		}
		for (ChannelSeries channel : alone) {
			fits.add(this.trend.fit(total(List.of(channel), definition.kind(), first, days)));
		}
		double startLevel = 0;
		double change = 0;
		double variance = 0;
		int degreesOfFreedom = Integer.MAX_VALUE;
		int fitted = 0;
		for (RobustTrend.Fit fit : fits) {
			if (fit == null) {
				continue;
			}
			startLevel += fit.level();
			change += fit.slope() * (days - 1);
			variance += Math.pow(fit.standardError() * (days - 1), 2);
			degreesOfFreedom = Math.min(degreesOfFreedom, fit.degreesOfFreedom());
			fitted++;
		}
		int channels = (fitted == 0) ? 0 : together.size() + alone.size();
		int observed = metric.observedDays(first, last);
		Double scale = scale(definition, startLevel);
		if (fitted < fits.size() || fitted == 0 || scale == null || !Double.isFinite(variance)) {
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

	/**
	 * The channels' summed values per day of the window ({@link Double#NaN} unless every one of them has a
	 * value that day): carried values for a LEVEL, reports for a FLOW.
	 */
	private static double[] total(List<ChannelSeries> channels, MetricKind kind, long start, int days) {
		double[] values = new double[days];
		for (int i = 0; i < days; i++) {
			double sum = 0;
			for (ChannelSeries channel : channels) {
				sum += (kind == MetricKind.LEVEL) ? channel.carried(start + i) : channel.reported(start + i);
			}
			values[i] = sum;
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
