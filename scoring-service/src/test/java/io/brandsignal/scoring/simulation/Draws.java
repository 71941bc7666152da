package io.brandsignal.scoring.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random draws the generators are built from, all from one seeded {@link SplittableRandom} per brand
 * so every family is reproducible brand by brand. The noise models are public so the lead test's own
 * calibration study draws from the same ones.
 */
public final class Draws {

	private Draws() {
	}

	static double uniform(SplittableRandom random, double low, double high) {
		return low + (high - low) * random.nextDouble();
	}

	static int uniformInt(SplittableRandom random, int low, int highInclusive) {
		return random.nextInt(low, highInclusive + 1);
	}

	/**
	 * A multiplicative noise factor with mean 1 and coefficient of variation {@code cv}: lognormal with
	 * {@code sigma^2 = ln(1 + cv^2)}, the usual model of day-to-day variation of sales and attention.
	 */
	public static double lognormal(RandomGenerator random, double cv) {
		double variance = Math.log1p(cv * cv);
		return Math.exp(Math.sqrt(variance) * random.nextGaussian() - variance / 2);
	}

	/** A Poisson count: small daily counts such as leads are counts, not noisy reals. */
	public static int poisson(RandomGenerator random, double mean) {
		if (mean > 50) {
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
		}
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	/**
	 * A stationary AR(1) path {@code x(t) = mean + phi (x(t-1) - mean) + e(t)} with the given stationary
	 * standard deviation: smooth, autocorrelated day-to-day growth rates.
	 */
	static double[] ar1(SplittableRandom random, int days, double mean, double phi, double sd) {
		double[] path = new double[days];
		double innovation = sd * Math.sqrt(1 - phi * phi);
		double deviation = sd * random.nextGaussian();
		for (int day = 0; day < days; day++) {
			path[day] = mean + deviation;
			deviation = phi * deviation + innovation * random.nextGaussian();
		}
		return path;
	}

	/**
	 * {@code count} sorted start days in {@code [from, to]}, at least {@code minGap} days apart (drawn
	 * again until they are; the callers leave ample room).
	 */
	static int[] spacedDays(SplittableRandom random, int count, int from, int to, int minGap) {
		while (true) {
			int[] days = new int[count];
			for (int i = 0; i < count; i++) {
				days[i] = uniformInt(random, from, to);
			}
			Arrays.sort(days);
			boolean spaced = true;
			for (int i = 1; i < count; i++) {
				spaced &= days[i] - days[i - 1] >= minGap;
			}
			if (spaced) {
				return days;
			}
		}
	}

}
