package io.brandsignal.scoring.evidence;

import java.util.Arrays;
import java.util.Random;

import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.scoring.simulation.Draws;

/**
 * Synthetic brands for the lead test's calibration: pairs of series shaped like real feeds (weekly cycles,
 * trends, campaigns, autocorrelated noise, small counts), either independent (null families) or with the
 * outcome following audience growth by a known lag and effect (true links). Every pair comes from its own
 * seeded {@link Random}, so a study is reproducible and each pair independent of the others.
 */
final class LeadScenarios {

	/** Days per series: the service's lookback. */
	static final int DAYS = 180;

	/** Days generated before the first reported day, so lagged effects have a past. */
	private static final int HISTORY = 30;

	private LeadScenarios() {
	}

	/** A pair of aligned series, with the true cumulative effect when there is one (0 for a null pair). */
	record Pair(LeadSeries audience, LeadSeries outcome, double trueEffect) {
	}

	/** Pairs of independent series: any lead the test finds is a false positive. */
	enum NullFamily {

		/** Likes and sales, both white noise around a constant level. */
		WHITE_NOISE_FLOWS,

		/** Likes and sales, both AR(1) noise (phi 0.5) around a constant level. */
		AR1_FLOWS,

		/** Followers whose daily growth is AR(1) around a drifting mean; sales with their own trend. */
		SMOOTH_TRENDS,

		/** Followers and sales each with one or two logistic steps at independent random times. */
		S_CURVES,

		/** Followers jump each Monday (posting day); sales peak each Monday. */
		MONDAY_POSTING_MONDAY_SALES,

		/** Followers jump on Mondays and Thursdays; sales peak at weekends. */
		MON_THU_POSTING_WEEKEND_SALES,

		/** Followers with noisy growth; leads are small counts (Poisson, mean 2). */
		SMALL_COUNT_LEADS,

		/** Followers reported on Mondays only (carried forward between reports); sales with a weekly cycle. */
		WEEKLY_REPORTED_FOLLOWERS,

		/** Followers with campaign pulses; NPS (-100..100) from a weekly survey, a random walk. */
		CAMPAIGNS_AND_NPS,

		/** Followers with a trend; sales known on the last 60 days only (a newly connected shop). */
		SHORT_SALES_HISTORY

	}

	static Pair nullPair(NullFamily family, long seed) {
		Random random = random(seed);
		int firstWeekday = random.nextInt(7);
		return switch (family) {
			case WHITE_NOISE_FLOWS -> new Pair(flow("likes", noisyLevel(random, 500, 0.25, 0)),
					flow("sales_revenue", noisyLevel(random, 2000, 0.2, 0)), 0);
			case AR1_FLOWS -> new Pair(flow("likes", noisyLevel(random, 500, 0.25, 0.5)),
					flow("sales_revenue", noisyLevel(random, 2000, 0.2, 0.5)), 0);
			case SMOOTH_TRENDS -> new Pair(followers(trendingFollowers(random)), flow("sales_revenue", trendingSales(random)),
					0);
			case S_CURVES -> new Pair(followers(sCurveFollowers(random)), flow("sales_revenue", sCurveSales(random)), 0);
			case MONDAY_POSTING_MONDAY_SALES -> new Pair(
					followers(postingFollowers(random, firstWeekday, new int[] { 0 })),
					flow("sales_revenue", weeklySales(random, firstWeekday, new int[] { 0 }, 1.8)), 0);
			case MON_THU_POSTING_WEEKEND_SALES -> new Pair(
					followers(postingFollowers(random, firstWeekday, new int[] { 0, 3 })),
					flow("sales_revenue", weeklySales(random, firstWeekday, new int[] { 5, 6 }, 1.6)), 0);
			case SMALL_COUNT_LEADS -> new Pair(followers(trendingFollowers(random)), flow("leads", poisson(random, 2)), 0);
			case WEEKLY_REPORTED_FOLLOWERS -> new Pair(
					followers(reportedWeekly(trendingFollowers(random), firstWeekday)),
					flow("sales_revenue", weeklySales(random, firstWeekday, new int[] { 5, 6 }, 1.4)), 0);
			case CAMPAIGNS_AND_NPS -> new Pair(followers(crop(pulsedFollowers(random))),
					new LeadSeries("nps", MetricKind.LEVEL, -100, 100,
							reportedWeekly(npsWalk(random), firstWeekday)),
					0);
			case SHORT_SALES_HISTORY -> new Pair(followers(trendingFollowers(random)),
					flow("sales_revenue", lastDaysOnly(trendingSales(random), 60)), 0);
		};
	}

	/**
	 * A true link: followers with 3-6 campaign pulses (net adds several-fold for a few days); sales
	 * {@code 3000 * (1 + effect * g[t - lag]) * weekly[t] * noise[t]} with {@code g} the followers' daily
	 * relative growth, a weekly profile and lognormal noise of the given coefficient of variation.
	 * @return the pair and its true cumulative effect in the test's units (see {@link #linked})
	 */
	static Pair linkedPair(double effect, int lag, double noiseCv, long seed) {
		return linked(effect, lag, seed, "sales_revenue",
				(random, expected) -> 3000 * expected * Draws.lognormal(random, noiseCv));
	}

	/**
	 * A true link to a small count: leads drawn from a Poisson distribution with mean
	 * {@code mean * (1 + effect * g[t - lag]) * weekly[t]}.
	 * @return the pair and its true cumulative effect in the test's units (see {@link #linked})
	 */
	static Pair linkedCounts(double effect, int lag, double mean, long seed) {
		return linked(effect, lag, seed, "leads", (random, expected) -> Draws.poisson(random, mean * expected));
	}

	/**
	 * The outcome on day {@code t} is a draw around {@code (1 + effect * g[t - lag]) * weekly[t]}. The true
	 * cumulative effect in the test's units (a day's outcome relative to the window's mean outcome, per unit
	 * of relative audience growth) is {@code effect * sum(weekly) / sum(weekly * (1 + effect * g[t - lag]))}.
	 */
	private static Pair linked(double effect, int lag, long seed, String outcomeName, Draw draw) {
		Random random = random(seed);
		int firstWeekday = random.nextInt(7);
		double[] followers = pulsedFollowers(random);
		double[] weekly = weeklyProfile(random);
		double[] outcome = new double[DAYS];
		double weights = 0;
		double expected = 0;
		for (int t = 0; t < DAYS; t++) {
			int day = HISTORY + t;
			double growth = (followers[day - lag] - followers[day - lag - 1]) / followers[day - lag - 1];
			double week = weekly[(t + firstWeekday) % 7];
			outcome[t] = draw.outcome(random, (1 + effect * growth) * week);
			weights += week;
			expected += week * (1 + effect * growth);
		}
		return new Pair(followers(crop(followers)), flow(outcomeName, outcome), effect * weights / expected);
	}

	/** One day's outcome around its expected multiple of an ordinary day. */
	@FunctionalInterface
	private interface Draw {

		double outcome(Random random, double expected);

	}

	/**
	 * A generator for one pair. {@link Random}'s first draws from consecutive seeds are correlated, so the
	 * seed is scrambled first (SplitMix64's finaliser).
	 */
	private static Random random(long seed) {
		long z = seed * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	private static LeadSeries followers(double[] values) {
		return new LeadSeries("followers", MetricKind.LEVEL, 0, Double.POSITIVE_INFINITY, values);
	}

	private static LeadSeries flow(String name, double[] values) {
		return new LeadSeries(name, MetricKind.FLOW, 0, Double.POSITIVE_INFINITY, values);
	}

	/** {@code base * (1 + u[t])}, u AR(1) with coefficient phi and marginal standard deviation cv. */
	private static double[] noisyLevel(Random random, double base, double cv, double phi) {
		double[] values = new double[DAYS];
		double innovation = cv * Math.sqrt(1 - phi * phi);
		double u = cv * random.nextGaussian();
		for (int t = 0; t < DAYS; t++) {
			u = phi * u + innovation * random.nextGaussian();
			values[t] = Math.max(0, base * (1 + u));
		}
		return values;
	}

	/** Daily growth AR(1) (phi 0.8) around a mean that drifts linearly over the window. */
	private static double[] trendingFollowers(Random random) {
		double mean = 0.0005 + 0.003 * random.nextDouble();
		double drift = (random.nextDouble() - 0.5) * mean / DAYS;
		double level = 10_000 + 90_000 * random.nextDouble();
		double noise = 0;
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			noise = 0.8 * noise + 0.0008 * random.nextGaussian();
			level *= 1 + mean + drift * t + noise;
			values[t] = Math.round(level);
		}
		return values;
	}

	/** Sales with a log-linear trend, AR(1) (phi 0.7) level noise and daily noise. */
	private static double[] trendingSales(Random random) {
		double trend = -0.003 + 0.008 * random.nextDouble();
		double noise = 0;
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			noise = 0.7 * noise + 0.05 * random.nextGaussian();
			values[t] = 2000 * Math.exp(trend * t + noise) * Draws.lognormal(random, 0.15);
		}
		return values;
	}

	private static double[] sCurveFollowers(Random random) {
		double[][] steps = logisticSteps(random, 0.1, 0.5);
		double level = 20_000 + 50_000 * random.nextDouble();
		double[] values = new double[DAYS];
		double drift = 0;
		for (int t = 0; t < DAYS; t++) {
			drift += 0.0003 * random.nextGaussian();
			values[t] = Math.round(level * (1 + sumOfSteps(steps, t)) * (1 + drift));
		}
		return values;
	}

	private static double[] sCurveSales(Random random) {
		double[][] steps = logisticSteps(random, 0.2, 1.0);
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			values[t] = 2000 * (1 + sumOfSteps(steps, t)) * Draws.lognormal(random, 0.15);
		}
		return values;
	}

	/** One or two steps: height, centre and width (2 to 8 days) each. */
	private static double[][] logisticSteps(Random random, double minHeight, double maxHeight) {
		double[][] steps = new double[1 + random.nextInt(2)][];
		for (int i = 0; i < steps.length; i++) {
			steps[i] = new double[] { minHeight + (maxHeight - minHeight) * random.nextDouble(),
					10 + (DAYS - 20) * random.nextDouble(), 2 + 6 * random.nextDouble() };
		}
		return steps;
	}

	private static double sumOfSteps(double[][] steps, int t) {
		double sum = 0;
		for (double[] step : steps) {
			sum += step[0] / (1 + Math.exp(-(t - step[1]) / step[2]));
		}
		return sum;
	}

	/** Followers with small daily net adds and a jump of 1-3% on each posting weekday. */
	private static double[] postingFollowers(Random random, int firstWeekday, int[] postingDays) {
		double level = 20_000 + 50_000 * random.nextDouble();
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			double growth = 0.0005 * (1 + 0.5 * random.nextGaussian());
			if (contains(postingDays, (t + firstWeekday) % 7)) {
				growth += 0.01 + 0.02 * random.nextDouble();
			}
			level *= 1 + growth;
			values[t] = Math.round(level);
		}
		return values;
	}

	/** Sales with a peak of the given factor on the given weekdays and daily noise (CV 0.2). */
	private static double[] weeklySales(Random random, int firstWeekday, int[] peakDays, double peak) {
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			double week = contains(peakDays, (t + firstWeekday) % 7) ? peak : 1;
			values[t] = 2000 * week * Draws.lognormal(random, 0.2);
		}
		return values;
	}

	/** A weekly sales profile: weekdays around 1, a weekend factor between 0.6 and 1.6. */
	private static double[] weeklyProfile(Random random) {
		double[] weekly = new double[7];
		double weekend = 0.6 + random.nextDouble();
		for (int day = 0; day < 7; day++) {
			weekly[day] = (day >= 5) ? weekend : 0.9 + 0.2 * random.nextDouble();
		}
		return weekly;
	}

	/**
	 * HISTORY + DAYS days of followers: Poisson net adds around 0.1% a day, with 3-6 campaign pulses of 3-6
	 * days in the reported window during which net adds run 3-8 times higher.
	 */
	private static double[] pulsedFollowers(Random random) {
		int days = HISTORY + DAYS;
		double[] lift = new double[days];
		Arrays.fill(lift, 1);
		int pulses = 3 + random.nextInt(4);
		for (int i = 0; i < pulses; i++) {
			int length = 3 + random.nextInt(4);
			int start = HISTORY - 14 + random.nextInt(DAYS - length);
			double factor = 3 + 5 * random.nextDouble();
			for (int t = start; t < start + length; t++) {
				lift[t] = Math.max(lift[t], factor);
			}
		}
		double[] values = new double[days];
		double level = 20_000;
		for (int t = 0; t < days; t++) {
			level += Draws.poisson(random, 20 * lift[t]);
			values[t] = level;
		}
		return values;
	}

	private static double[] lastDaysOnly(double[] values, int days) {
		double[] known = values.clone();
		Arrays.fill(known, 0, values.length - days, Double.NaN);
		return known;
	}

	private static double[] crop(double[] withHistory) {
		return Arrays.copyOfRange(withHistory, withHistory.length - DAYS, withHistory.length);
	}

	/** A random walk on the NPS scale, clipped to -100..100. */
	private static double[] npsWalk(Random random) {
		double[] values = new double[DAYS];
		double nps = -20 + 60 * random.nextDouble();
		for (int t = 0; t < DAYS; t++) {
			nps = Math.max(-100, Math.min(100, nps + 1.5 * random.nextGaussian()));
			values[t] = Math.round(nps);
		}
		return values;
	}

	/** The value known on each day when the series is only reported on one weekday (carried forward). */
	private static double[] reportedWeekly(double[] daily, int firstWeekday) {
		double[] reported = new double[daily.length];
		double last = Double.NaN;
		for (int t = 0; t < daily.length; t++) {
			if ((t + firstWeekday) % 7 == 0) {
				last = daily[t];
			}
			reported[t] = last;
		}
		return reported;
	}

	private static double[] poisson(Random random, double mean) {
		double[] values = new double[DAYS];
		for (int t = 0; t < DAYS; t++) {
			values[t] = Draws.poisson(random, mean);
		}
		return values;
	}

	private static boolean contains(int[] days, int day) {
		for (int candidate : days) {
			if (candidate == day) {
				return true;
			}
		}
		return false;
	}

}
