package io.brandsignal.scoring.simulation;

import java.util.SplittableRandom;

/**
 * The shapes realistic brand data is made of: weekly cycles, trends, S-shaped campaign steps, audience
 * stocks driven by their net adds, engagement and sales flows with multiplicative noise. Each returns
 * the true daily values of one channel; {@link Reporting} decides which of them a feed delivers.
 */
final class Signals {

	/** Weekly weights (Monday first) of follower net adds for a brand that posts on Mondays. */
	static final double[] POSTING_MONDAY = weekly(2.2, 1.0, 0.8, 0.8, 0.8, 0.7, 0.7);

	/** Weekly weights of net adds for a brand that posts on Mondays and Thursdays. */
	static final double[] POSTING_MONDAY_THURSDAY = weekly(1.8, 0.9, 0.7, 1.8, 0.9, 0.6, 0.6);

	/** Weekly weights of a shop that sells most at the weekend. */
	static final double[] SALES_WEEKEND = weekly(0.85, 0.85, 0.9, 0.95, 1.1, 1.3, 1.2);

	/** Weekly weights of a shop whose sales peak on Mondays (newsletter day, B2B orders). */
	static final double[] SALES_MONDAY = weekly(1.5, 1.1, 1.0, 0.95, 0.9, 0.75, 0.7);

	/** Weekly weights of B2B leads: weekdays, hardly any at the weekend. */
	static final double[] LEADS_WEEKDAYS = weekly(1.2, 1.3, 1.3, 1.2, 1.0, 0.5, 0.4);

	/** No weekly cycle. */
	static final double[] NO_CYCLE = weekly(1, 1, 1, 1, 1, 1, 1);

	private Signals() {
	}

	/** Weights for Monday..Sunday, scaled to mean 1 so a cycle never changes the weekly total. */
	static double[] weekly(double... weights) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		double[] scaled = new double[7];
		for (int i = 0; i < 7; i++) {
			scaled[i] = weights[i] * 7 / sum;
		}
		return scaled;
	}

	/** A cycle damped toward 1 by {@code share} (engagement follows posting days, less sharply). */
	static double[] damped(double[] cycle, double share) {
		double[] damped = new double[7];
		for (int i = 0; i < 7; i++) {
			damped[i] = 1 + share * (cycle[i] - 1);
		}
		return damped;
	}

	/** The logistic S-curve from 0 to 1 centred on {@code center}, {@code width} days per e-fold. */
	static double logistic(double day, double center, double width) {
		return 1 / (1 + Math.exp(-(day - center) / width));
	}

	static double[] constant(int days, double value) {
		double[] values = new double[days];
		java.util.Arrays.fill(values, value);
		return values;
	}

	/**
	 * An audience stock (followers of one channel) driven by its net adds:
	 * {@code L(t) = L(t-1) (1 + g(t) w(dow) + swing (w(dow) - 1) + noise Z)}. {@code g} is the expected
	 * growth per day (the trend, campaigns), {@code w} the posting cycle (net adds peak on posting days),
	 * {@code swing} a zero-mean weekly churn (follows on posting days, unfollows on others) so even a
	 * flat audience has a weekly rhythm, {@code noise} the daily standard deviation relative to the level.
	 */
	static double[] audience(SplittableRandom random, Days days, double start, double[] growth, double[] posting,
			double swing, double noise) {
		double[] level = new double[days.count()];
		level[0] = start;
		for (int day = 1; day < days.count(); day++) {
			double weight = posting[days.dayOfWeek(day)];
			double rate = growth[day] * weight + swing * (weight - 1) + noise * random.nextGaussian();
			level[day] = level[day - 1] * (1 + rate);
		}
		return rounded(level);
	}

	/**
	 * A flow proportional to a base path: {@code base(t) * scale * cycle(dow) * lognormal(cv)}, rounded
	 * to whole units (likes, impressions) or cents.
	 */
	static double[] flow(SplittableRandom random, Days days, double[] base, double scale, double[] cycle, double cv,
			boolean counts) {
		double[] values = new double[days.count()];
		for (int day = 0; day < days.count(); day++) {
			double value = base[day] * scale * cycle[days.dayOfWeek(day)] * Draws.lognormal(random, cv);
			values[day] = counts ? Math.round(value) : Math.round(value * 100) / 100.0;
		}
		return values;
	}

	/** A Poisson count per day with mean {@code base(t) * cycle(dow)}. */
	static double[] counts(SplittableRandom random, Days days, double[] base, double[] cycle) {
		double[] values = new double[days.count()];
		for (int day = 0; day < days.count(); day++) {
			values[day] = Draws.poisson(random, base[day] * cycle[days.dayOfWeek(day)]);
		}
		return values;
	}

	/** {@code start * (1 + rate)^t}: a steady trend. */
	static double[] compound(Days days, double start, double ratePerDay) {
		double[] values = new double[days.count()];
		for (int day = 0; day < days.count(); day++) {
			values[day] = start * Math.pow(1 + ratePerDay, day);
		}
		return values;
	}

	/** {@code start * exp(sum of the daily log-growths so far)}: a trend whose growth wanders. */
	static double[] integrated(double start, double[] logGrowth) {
		double[] values = new double[logGrowth.length];
		double log = Math.log(start);
		for (int day = 0; day < logGrowth.length; day++) {
			log += (day > 0) ? logGrowth[day] : 0;
			values[day] = Math.exp(log);
		}
		return values;
	}

	/** Multiplies a path, in place, by {@code 1 + size * S(t)} for an S-shaped step. */
	static double[] step(double[] values, double size, double center, double width) {
		for (int day = 0; day < values.length; day++) {
			values[day] *= 1 + size * logistic(day, center, width);
		}
		return values;
	}

	/**
	 * Multiplies a path, in place, by {@code 1 + size * (S(t - start) - S(t - end))}: a campaign lift that
	 * rises along an S-curve and falls back along another when the campaign ends.
	 */
	static double[] bump(double[] values, double size, double start, double end, double width) {
		for (int day = 0; day < values.length; day++) {
			values[day] *= 1 + size * (logistic(day, start, width) - logistic(day, end, width));
		}
		return values;
	}

	/** A copy of a stock with a one-day jump of {@code percent} from {@code day} on (bought followers stay). */
	static double[] jump(double[] level, int day, double percent) {
		double[] jumped = level.clone();
		for (int t = day; t < jumped.length; t++) {
			jumped[t] = Math.round(jumped[t] * (1 + percent / 100));
		}
		return jumped;
	}

	static double[] rounded(double[] values) {
		double[] rounded = new double[values.length];
		for (int day = 0; day < values.length; day++) {
			rounded[day] = Math.round(values[day]);
		}
		return rounded;
	}

}
