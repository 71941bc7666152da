package io.brandsignal.scoring.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.scoring.simulation.Family.Target;
import io.brandsignal.scoring.simulation.SimulatedBrand.Feeds;

import static io.brandsignal.scoring.simulation.Draws.lognormal;
import static io.brandsignal.scoring.simulation.Draws.uniform;
import static io.brandsignal.scoring.simulation.Draws.uniformInt;

/**
 * The families of the simulation study, each with the ground truth a correct scorer must recover.
 * Every number a family's generator uses is stated in its description, which the table in
 * docs/scoring.md prints. Audience and outcomes of a null family are drawn from independent random
 * streams, so any significant lead found there is a false positive.
 */
final class Families {

	/** History per brand: the lead test looks back 180 days, plus room for lags. */
	static final int DAYS = 200;

	/** The scorecard's documented trailing window (docs/scoring.md), where growth and spikes are judged. */
	static final int WINDOW_DAYS = 28;

	/** Brands per family. */
	static final int BRANDS = 200;

	/**
	 * Brands per null family. At 200 a perfectly calibrated 5 % test reads above the 7 % target in about
	 * 8 % of families by chance alone (binomial), so one of seven null families would fail in 43 % of
	 * seeds; at 600 a single family does so in 1.3 % of seeds (any of seven: 8.5 %).
	 */
	static final int NULL_BRANDS = 600;

	/** True lags of the true-link families, cycled brand by brand. */
	static final int[] LEAD_DAYS = { 0, 3, 7, 14 };

	private static final String FLAT_AUDIENCE = "followers: instagram 30k-150k daily, tiktok 20k-60k, "
			+ "both zero-mean weekly churn (Monday posting weights, swing 0.1 %/day) and 0.03 %/day noise; "
			+ "likes per channel 0.5-2 % of followers, CV 0.25";

	private static final String AUDIENCE = "followers: instagram 10k-200k daily, net adds = level x "
			+ "(g w(dow) + 0.1 % (w(dow) - 1) + 0.03 % Z)";

	// ---- null families for the lead test

	static final Family MONDAY_POSTING_MONDAY_SALES = nullFamily("null: Monday posting, Monday sales peak",
			AUDIENCE + ", g 0-0.2 %/day, Monday posting (w 2.2 Mon, 0.7-1.0 other days); likes; sales_revenue "
					+ "1k-50k/day on shop + marketplace, trend -0.1..+0.2 %/day, Monday peak (1.5 Mon .. 0.7 Sun), CV 0.1-0.3",
			101, (random, feeds) -> cyclingAudience(random, feeds, Signals.POSTING_MONDAY),
			(random, feeds) -> cyclingSales(random, feeds, Signals.SALES_MONDAY));

	static final Family MON_THU_POSTING_WEEKEND_SALES = nullFamily("null: Mon/Thu posting, weekend sales",
			AUDIENCE + ", g 0-0.2 %/day, posting Mon and Thu (w 1.8); likes; sales_revenue 1k-50k/day on shop + "
					+ "marketplace, trend -0.1..+0.2 %/day, weekend peak (1.3 Sat, 1.2 Sun, 0.85 Mon), CV 0.1-0.3",
			102, (random, feeds) -> cyclingAudience(random, feeds, Signals.POSTING_MONDAY_THURSDAY),
			(random, feeds) -> cyclingSales(random, feeds, Signals.SALES_WEEKEND));

	static final Family INDEPENDENT_SMOOTH_TRENDS = nullFamily("null: independent smooth trends",
			AUDIENCE + ", g an AR(1) (phi 0.97, mean 0-0.2 %/day, sd 0.15 %/day), Monday posting; likes; "
					+ "sales_revenue 1k-50k/day, log-growth an independent AR(1) (phi 0.97, mean 0, sd 0.3 %/day), "
					+ "weekend peak, CV 0.1-0.3",
			103, Families::wanderingAudience, Families::wanderingSales);

	static final Family INDEPENDENT_CAMPAIGNS = nullFamily("null: independent S-shaped campaigns",
			AUDIENCE + ", g 0-0.1 %/day, Monday posting, 2-4 logistic steps of +3-15 % (width 1-10 days) at random "
					+ "days; likes; sales_revenue 1k-50k/day with 2-4 independent campaign lifts of +5-30 % lasting 7-28 "
					+ "days (logistic rise and fall, width 1-10 days), weekend peak, CV 0.03-0.2 (stable revenue included)",
			104, Families::campaignAudience, Families::campaignSales);

	static final Family FLOW_NOISE = nullFamily("null: two FLOW noise series",
			"impressions 20k-500k/day (instagram) and likes 1-3 % of it, each lognormal CV 0.1-0.3, no followers; "
					+ "sales_revenue 1k-50k/day (shop), lognormal CV 0.1-0.3; no cycles, no trends",
			105, Families::noisyAttention, Families::noisySales);

	static final Family LEADS_COUNTS = nullFamily("null: followers vs leads ~2/day",
			AUDIENCE + ", g 0-0.2 %/day, Monday posting; likes; leads Poisson with mean 1-4/day x weekday weights "
					+ "(1.3 Tue/Wed, 0.4 Sun) from the CRM",
			106, (random, feeds) -> cyclingAudience(random, feeds, Signals.POSTING_MONDAY), Families::leads);

	static final Family CADENCE_ARTEFACTS = nullFamily("null: channel cadence and late data",
			AUDIENCE + ", g 0-0.2 %/day, Monday posting, half of them late by a day; tiktok followers 20k-60k "
					+ "reported on Mondays; likes; sales_revenue 1k-50k/day, weekend peak, CV 0.1-0.3, on shop (daily) "
					+ "and marketplace (30-50 %, down for 7 days somewhere, latest day not yet in); brand_awareness "
					+ "20-40 % from a quarterly survey (sd 1.5 points)",
			107, Families::cadenceAudience, Families::cadenceSales);

	// ---- true links

	static final Family TRUE_LINK_5 = trueLink(5, Target.none(), 201);

	static final Family TRUE_LINK_10 = trueLink(10, Target.none(), 202);

	/** The stated effect size: on campaign days sales rise 20 %, about +2.7 % of the half year's sales (24 of 180 days). */
	static final Family TRUE_LINK_20 = trueLink(20, Target.atLeast(0.80), 203);

	// ---- growth and verdicts

	static final Family FLAT_NOISY = new Family("flat but noisy",
			FLAT_AUDIENCE + " (tiktok reported Mondays); impressions 2-6 x instagram followers, CV 0.2; "
					+ "sales_revenue 1k-50k/day flat, weekend peak, CV 0.3, on shop + marketplace; brand_awareness "
					+ "20-40 % flat from a quarterly survey (sd 1.5 points)",
			"verdict STEADY", Target.atLeast(0.90), BRANDS, 301, Families::flatNoisy,
			(brand, card) -> card.verdict() == Verdict.STEADY);

	/**
	 * A clear +15 %: sales noise CV 0.03 at brand level plus 3 % on each channel's share comes to about 4 %
	 * a day, so a calibrated 95 % interval over 28 days is about ± 6 % and +15 % stands clear of it and of
	 * the 5 % threshold.
	 */
	static final Family EQUAL_GROWTH = equalGrowth(0.15, 0.03, Target.atLeast(0.90), 306);

	/**
	 * For information: +10 % under the same noise; the estimate's spread (about 2.9 %) against a ± 6 %
	 * margin finds it up in roughly four brands of five. Measured, not a target.
	 */
	static final Family EQUAL_GROWTH_10 = equalGrowth(0.10, 0.03, Target.none(), 302);

	/** For information: +10 % under CV 0.1 sales noise, which a 28-day window cannot resolve. */
	static final Family EQUAL_GROWTH_NOISY = equalGrowth(0.10, 0.1, Target.none(), 304);

	static final Family OUTCOME_ONLY = new Family("outcome only, sales halving",
			"no audience metrics; sales_revenue 1k-50k/day on shop + marketplace, flat, then halving over the "
					+ "28-day window (x 0.5^(t/27)), weekend peak, CV 0.2",
			"verdict DECLINING and vanityTrend UNKNOWN", Target.atLeast(0.90), BRANDS, 303, Families::outcomeOnly,
			(brand, card) -> card.verdict() == Verdict.DECLINING && card.vanityTrend() == Trend.UNKNOWN);

	// ---- channel artefacts: the audience and the outcomes do not grow

	static final Family TIKTOK_WEEKLY = artefact("artefact: tiktok reported on Mondays only",
			"tiktok followers 45k-55k reported on Mondays only", 401, (random, feeds) -> {
				artefactAudience(random, feeds, uniform(random, 45_000, 55_000), Reporting.weeklyOn(feeds.days(), 0));
				artefactSales(random, feeds, Reporting.daily());
			});

	static final Family LATE_DATA = artefact("artefact: today's tiktok and marketplace not in yet",
			"tiktok followers 45k-55k daily, and marketplace sales, missing the latest day", 402,
			(random, feeds) -> {
				artefactAudience(random, feeds, uniform(random, 45_000, 55_000), Reporting.daily().late(1));
				artefactSales(random, feeds, Reporting.daily().late(1));
			});

	static final Family NEW_CHANNEL = artefact("artefact: new 40k channel connected in the window",
			"tiktok followers 38k-42k (and its likes) connected 5-20 days before the latest day", 403,
			(random, feeds) -> {
				int connected = feeds.days().last() - uniformInt(random, 5, 20);
				artefactAudience(random, feeds, uniform(random, 38_000, 42_000), Reporting.daily().connectedOn(connected));
				artefactSales(random, feeds, Reporting.daily());
			});

	static final Family SALES_OUTAGE = artefact("artefact: a sales channel down for a week",
			"marketplace (30-50 % of sales) silent for 7 days starting 8-24 days before the latest day", 404,
			(random, feeds) -> {
				artefactAudience(random, feeds, uniform(random, 20_000, 60_000), Reporting.daily());
				int down = feeds.days().last() - uniformInt(random, 8, 24);
				artefactSales(random, feeds, Reporting.daily().downBetween(down, down + 6));
			});

	// ---- follower spikes

	static final Family BOUGHT_DAILY = spike("bought followers, daily channel", Spike.DAILY, false,
			Target.atLeast(0.90), 501);

	static final Family BOUGHT_AFTER_GAP = spike("bought followers, right after a missing day", Spike.AFTER_GAP,
			false, Target.atLeast(0.80), 502);

	static final Family BOUGHT_WEEKLY = spike("bought followers, weekly-reported channel", Spike.WEEKLY, false,
			Target.atLeast(0.80), 503);

	static final Family VIRAL_DAILY = spike("viral day, daily channel", Spike.DAILY, true, Target.atLeast(0.90),
			504);

	static final Family VIRAL_AFTER_GAP = spike("viral day, right after a missing day", Spike.AFTER_GAP, true,
			Target.atLeast(0.90), 505);

	static final Family VIRAL_WEEKLY = spike("viral day, weekly-reported channel", Spike.WEEKLY, true,
			Target.atLeast(0.90), 506);

	private Families() {
	}

	/** Every family, in the order of the table. */
	static List<Family> all() {
		return List.of(MONDAY_POSTING_MONDAY_SALES, MON_THU_POSTING_WEEKEND_SALES, INDEPENDENT_SMOOTH_TRENDS,
				INDEPENDENT_CAMPAIGNS, FLOW_NOISE, LEADS_COUNTS, CADENCE_ARTEFACTS, TRUE_LINK_5, TRUE_LINK_10,
				TRUE_LINK_20, FLAT_NOISY, EQUAL_GROWTH, EQUAL_GROWTH_10, EQUAL_GROWTH_NOISY, TIKTOK_WEEKLY, LATE_DATA, NEW_CHANNEL,
				SALES_OUTAGE, BOUGHT_DAILY, BOUGHT_AFTER_GAP, BOUGHT_WEEKLY, VIRAL_DAILY, VIRAL_AFTER_GAP, VIRAL_WEEKLY,
				OUTCOME_ONLY);
	}

	/**
	 * A null family for the lead test: the audience and the outcomes are generated by separate parts, each
	 * from its own random stream, so they share nothing but the calendar.
	 */
	private static Family nullFamily(String name, String generator, long seed, Part audience, Part outcomes) {
		return new Family(name, generator, "lead found significant (false positive)", Target.atMost(0.07), NULL_BRANDS, seed,
				(random, brand) -> {
					Feeds feeds = new Feeds(days(random));
					SplittableRandom outcomeStream = random.split();
					audience.add(random, feeds);
					outcomes.add(outcomeStream, feeds);
					return feeds.brand(brand, null, "");
				}, (brand, card) -> card.evidence() != null && card.evidence().significant());
	}

	/** Adds some channels of a brand from the given random stream. */
	@FunctionalInterface
	private interface Part {

		void add(SplittableRandom random, Feeds feeds);

	}

	/** A fresh calendar of {@link #DAYS} days; the weekday of the latest day varies brand by brand. */
	private static Days days(SplittableRandom random) {
		return new Days(LocalDate.of(2026, 1, 5).plusDays(random.nextInt(7)), DAYS);
	}

	// ---- shared parts of the generators

	/** Instagram followers (daily) with likes; returns the followers. */
	private static double[] instagram(SplittableRandom random, Feeds feeds, double start, double[] growth,
			double[] posting, Reporting reporting) {
		double[] followers = Signals.audience(random, feeds.days(), start, growth, posting, 0.001, 0.0003);
		feeds.add("followers", "instagram", followers, reporting);
		likes(random, feeds, "instagram", followers, posting, Reporting.daily());
		return followers;
	}

	private static double[] likes(SplittableRandom random, Feeds feeds, String channel, double[] followers,
			double[] posting, Reporting reporting) {
		double[] likes = Signals.flow(random, feeds.days(), followers, uniform(random, 0.005, 0.02),
				Signals.damped(posting, 0.5), 0.25, true);
		feeds.add("likes", channel, likes, reporting);
		return likes;
	}

	/**
	 * Sales revenue on two channels from a brand-level path: {@code base(t) cycle(dow) lognormal(cv)}
	 * split between shop and marketplace (marketplace share as given, each part with 3 % noise of its own).
	 */
	private static void sales(SplittableRandom random, Feeds feeds, double[] base, double[] cycle, double cv,
			double marketplaceShare, Reporting shop, Reporting marketplace) {
		double[] total = Signals.flow(random, feeds.days(), base, 1, cycle, cv, false);
		double[] shopPart = new double[total.length];
		double[] marketplacePart = new double[total.length];
		for (int day = 0; day < total.length; day++) {
			shopPart[day] = cents(total[day] * (1 - marketplaceShare) * lognormal(random, 0.03));
			marketplacePart[day] = cents(total[day] * marketplaceShare * lognormal(random, 0.03));
		}
		feeds.add("sales_revenue", "shop", shopPart, shop);
		feeds.add("sales_revenue", "marketplace", marketplacePart, marketplace);
	}

	private static double cents(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** A quarterly brand survey of awareness (percent): true level plus sampling error sd 1.5 points. */
	private static void survey(SplittableRandom random, Feeds feeds, double level, double driftPerDay) {
		double[] readings = new double[DAYS];
		for (int day = 0; day < DAYS; day++) {
			double value = level + driftPerDay * day + 1.5 * random.nextGaussian();
			readings[day] = Math.round(Math.max(0, Math.min(100, value)) * 10) / 10.0;
		}
		feeds.add("brand_awareness", "survey", readings, Reporting.every(91, random.nextInt(91)));
	}

	private static double[] salesBase(SplittableRandom random, Days days, double ratePerDay) {
		return Signals.compound(days, uniform(random, 1_000, 50_000), ratePerDay);
	}

	// ---- null generators: one part per side

	private static void cyclingAudience(SplittableRandom random, Feeds feeds, double[] posting) {
		instagram(random, feeds, uniform(random, 10_000, 200_000), Signals.constant(DAYS, uniform(random, 0, 0.002)),
				posting, Reporting.daily());
	}

	private static void cyclingSales(SplittableRandom random, Feeds feeds, double[] cycle) {
		sales(random, feeds, salesBase(random, feeds.days(), uniform(random, -0.001, 0.002)), cycle,
				uniform(random, 0.1, 0.3), uniform(random, 0.2, 0.5), Reporting.daily(), Reporting.daily());
	}

	private static void wanderingAudience(SplittableRandom random, Feeds feeds) {
		double[] growth = Draws.ar1(random, DAYS, uniform(random, 0, 0.002), 0.97, 0.0015);
		instagram(random, feeds, uniform(random, 10_000, 200_000), growth, Signals.POSTING_MONDAY, Reporting.daily());
	}

	private static void wanderingSales(SplittableRandom random, Feeds feeds) {
		double[] base = Signals.integrated(uniform(random, 1_000, 50_000), Draws.ar1(random, DAYS, 0, 0.97, 0.003));
		sales(random, feeds, base, Signals.SALES_WEEKEND, uniform(random, 0.1, 0.3), uniform(random, 0.2, 0.5),
				Reporting.daily(), Reporting.daily());
	}

	private static void campaignAudience(SplittableRandom random, Feeds feeds) {
		double[] followers = Signals.audience(random, feeds.days(), uniform(random, 10_000, 200_000),
				Signals.constant(DAYS, uniform(random, 0, 0.001)), Signals.POSTING_MONDAY, 0.001, 0.0003);
		for (int step = uniformInt(random, 2, 4); step > 0; step--) {
			Signals.step(followers, uniform(random, 0.03, 0.15), uniform(random, 5, DAYS - 5), uniform(random, 1, 10));
		}
		followers = Signals.rounded(followers);
		feeds.add("followers", "instagram", followers, Reporting.daily());
		likes(random, feeds, "instagram", followers, Signals.POSTING_MONDAY, Reporting.daily());
	}

	private static void campaignSales(SplittableRandom random, Feeds feeds) {
		double[] base = salesBase(random, feeds.days(), 0);
		for (int campaign = uniformInt(random, 2, 4); campaign > 0; campaign--) {
			double start = uniform(random, 5, DAYS - 5);
			Signals.bump(base, uniform(random, 0.05, 0.3), start, start + uniform(random, 7, 28), uniform(random, 1, 10));
		}
		sales(random, feeds, base, Signals.SALES_WEEKEND, uniform(random, 0.03, 0.2), uniform(random, 0.2, 0.5),
				Reporting.daily(), Reporting.daily());
	}

	private static void noisyAttention(SplittableRandom random, Feeds feeds) {
		double[] impressions = Signals.flow(random, feeds.days(),
				Signals.constant(DAYS, uniform(random, 20_000, 500_000)), 1, Signals.NO_CYCLE, uniform(random, 0.1, 0.3),
				true);
		feeds.add("impressions", "instagram", impressions, Reporting.daily());
		feeds.add("likes", "instagram", Signals.flow(random, feeds.days(), impressions, uniform(random, 0.01, 0.03),
				Signals.NO_CYCLE, uniform(random, 0.1, 0.3), true), Reporting.daily());
	}

	private static void noisySales(SplittableRandom random, Feeds feeds) {
		feeds.add("sales_revenue", "shop", Signals.flow(random, feeds.days(), salesBase(random, feeds.days(), 0), 1,
				Signals.NO_CYCLE, uniform(random, 0.1, 0.3), false), Reporting.daily());
	}

	private static void leads(SplittableRandom random, Feeds feeds) {
		feeds.add("leads", "crm", Signals.counts(random, feeds.days(), Signals.constant(DAYS, uniform(random, 1, 4)),
				Signals.LEADS_WEEKDAYS), Reporting.daily());
	}

	private static void cadenceAudience(SplittableRandom random, Feeds feeds) {
		Reporting instagramFeed = random.nextBoolean() ? Reporting.daily().late(1) : Reporting.daily();
		instagram(random, feeds, uniform(random, 10_000, 200_000), Signals.constant(DAYS, uniform(random, 0, 0.002)),
				Signals.POSTING_MONDAY, instagramFeed);
		double[] tiktok = Signals.audience(random, feeds.days(), uniform(random, 20_000, 60_000),
				Signals.constant(DAYS, uniform(random, 0, 0.002)), Signals.POSTING_MONDAY, 0.001, 0.0003);
		feeds.add("followers", "tiktok", tiktok, Reporting.weeklyOn(feeds.days(), 0));
	}

	private static void cadenceSales(SplittableRandom random, Feeds feeds) {
		int down = uniformInt(random, 20, DAYS - 10);
		sales(random, feeds, salesBase(random, feeds.days(), uniform(random, -0.001, 0.002)), Signals.SALES_WEEKEND,
				uniform(random, 0.1, 0.3), uniform(random, 0.3, 0.5), Reporting.daily(),
				Reporting.daily().downBetween(down, down + 6).late(1));
		survey(random, feeds, uniform(random, 20, 40), uniform(random, -0.01, 0.01));
	}

	// ---- true links

	/**
	 * Campaign pulses in the audience: six 4-day campaigns in the last 180 days (one in each 29-day slot,
	 * starting in its first 20 days) during which expected net adds triple; sales on the campaign days
	 * shifted by the true lag k rise by {@code liftPercent}, on top of weekly cycles and noise.
	 */
	private static Family trueLink(int liftPercent, Target target, long seed) {
		return new Family("true link, sales +" + liftPercent + " % on campaign days",
				"followers: instagram 20k-150k daily, g 0.1 %/day, Monday posting, swing 0.1 %/day, noise "
						+ "0.03 %/day; six 4-day campaigns in the last 180 days (one per 29-day slot) triple the "
						+ "expected net adds; likes 0.5-2 % of followers, CV 0.25; sales_revenue 1k-50k/day, weekend "
						+ "peak, CV 0.15, x (1 + " + liftPercent / 100.0 + ") on campaign days shifted by k; k drawn "
						+ "from 0, 3, 7, 14 days",
				"significant lead with best lag within ±1 day of k", target, 4 * 60, seed,
				(random, name) -> trueLinkBrand(random, name, liftPercent / 100.0, LEAD_DAYS[random.nextInt(4)]),
				(brand, card) -> found(card.evidence(), brand.leadDays()));
	}

	private static boolean found(ConversionEvidence evidence, int leadDays) {
		return evidence != null && evidence.significant() && evidence.bestLagDays() != null
				&& Math.abs(evidence.bestLagDays() - leadDays) <= 1;
	}

	private static SimulatedBrand trueLinkBrand(SplittableRandom random, String name, double lift, int lead) {
		Days days = days(random);
		Feeds feeds = new Feeds(days);
		boolean[] campaign = new boolean[DAYS];
		for (int slot = 0; slot < 6; slot++) {
			int start = DAYS - 180 + slot * 29 + random.nextInt(20);
			for (int day = start; day < start + 4 && day < DAYS; day++) {
				campaign[day] = true;
			}
		}
		double[] growth = new double[DAYS];
		for (int day = 0; day < DAYS; day++) {
			growth[day] = campaign[day] ? 0.003 : 0.001;
		}
		instagram(random, feeds, uniform(random, 20_000, 150_000), growth, Signals.POSTING_MONDAY, Reporting.daily());
		double[] base = salesBase(random, days, 0);
		for (int day = lead; day < DAYS; day++) {
			base[day] *= campaign[day - lead] ? 1 + lift : 1;
		}
		sales(random, feeds, base, Signals.SALES_WEEKEND, 0.15, uniform(random, 0.2, 0.5), Reporting.daily(),
				Reporting.daily());
		return feeds.brand(name, lead, "k = " + lead);
	}

	// ---- growth and verdicts

	private static SimulatedBrand flatNoisy(SplittableRandom random, String name) {
		Days days = days(random);
		Feeds feeds = new Feeds(days);
		double[] followers = instagram(random, feeds, uniform(random, 30_000, 150_000), Signals.constant(DAYS, 0),
				Signals.POSTING_MONDAY, Reporting.daily());
		double[] tiktok = Signals.audience(random, days, uniform(random, 20_000, 60_000), Signals.constant(DAYS, 0),
				Signals.POSTING_MONDAY, 0.001, 0.0003);
		feeds.add("followers", "tiktok", tiktok, Reporting.weeklyOn(days, 0));
		likes(random, feeds, "tiktok", tiktok, Signals.POSTING_MONDAY, Reporting.daily());
		feeds.add("impressions", "instagram", Signals.flow(random, days, followers, uniform(random, 2, 6),
				Signals.damped(Signals.POSTING_MONDAY, 0.5), 0.2, true), Reporting.daily());
		sales(random, feeds, salesBase(random, days, 0), Signals.SALES_WEEKEND, 0.3, uniform(random, 0.2, 0.5),
				Reporting.daily(), Reporting.daily());
		survey(random, feeds, uniform(random, 20, 40), 0);
		return feeds.brand(name, null, "");
	}

	private static Family equalGrowth(double growth, double salesCv, Target target, long seed) {
		String percent = Math.round(growth * 100) + " %";
		double rate = Math.pow(1 + growth, 1.0 / (WINDOW_DAYS - 1)) - 1;
		return new Family("equal growth +" + percent + ", sales CV " + salesCv,
				"followers: instagram 20k-200k daily growing " + percent + " per 28 days ("
						+ String.format(java.util.Locale.ROOT, "%.3f", rate * 100) + " %/day, Monday posting, swing "
						+ "0.1 %/day, noise 0.03 %/day); likes 0.5-2 % of followers (so growing alike), CV 0.25; "
						+ "sales_revenue 1k-50k/day growing " + percent + " per 28 days, weekend peak, CV " + salesCv
						+ ", on shop + marketplace",
				"verdict BRAND_BUILDER", target, BRANDS, seed, (random, name) -> {
					Days days = days(random);
					Feeds feeds = new Feeds(days);
					instagram(random, feeds, uniform(random, 20_000, 200_000), Signals.constant(DAYS, rate),
							Signals.POSTING_MONDAY, Reporting.daily());
					sales(random, feeds, salesBase(random, days, rate), Signals.SALES_WEEKEND, salesCv,
							uniform(random, 0.2, 0.5), Reporting.daily(), Reporting.daily());
					return feeds.brand(name, null, "");
				}, (brand, card) -> card.verdict() == Verdict.BRAND_BUILDER);
	}

	private static SimulatedBrand outcomeOnly(SplittableRandom random, String name) {
		Days days = days(random);
		Feeds feeds = new Feeds(days);
		double[] base = salesBase(random, days, 0);
		int start = days.windowStart(WINDOW_DAYS);
		for (int day = start; day < DAYS; day++) {
			base[day] *= Math.pow(0.5, (day - start) / (double) (WINDOW_DAYS - 1));
		}
		sales(random, feeds, base, Signals.SALES_WEEKEND, 0.2, uniform(random, 0.2, 0.5), Reporting.daily(),
				Reporting.daily());
		return feeds.brand(name, null, "");
	}

	// ---- channel artefacts

	private static Family artefact(String name, String artefact, long seed, Part generate) {
		return new Family(name,
				"flat brand: followers instagram 30k-120k daily plus tiktok as stated, growth 0, zero-mean weekly "
						+ "churn (Monday posting, swing 0.1 %/day), noise 0.03 %/day; likes per channel 0.5-2 % of "
						+ "followers, CV 0.25; sales_revenue 1k-50k/day flat, weekend peak, CV 0.15, on shop + "
						+ "marketplace; " + artefact,
				"verdict STEADY, vanityTrend and outcomeTrend FLAT, no FOLLOWER_SPIKE", Target.atLeast(0.90), BRANDS, seed,
				(random, brand) -> {
					Feeds feeds = new Feeds(days(random));
					generate.add(random, feeds);
					return feeds.brand(brand, null, "");
				}, Families::steadyWithoutSpike);
	}

	private static boolean steadyWithoutSpike(SimulatedBrand brand, BrandScored card) {
		return card.verdict() == Verdict.STEADY && card.vanityTrend() == Trend.FLAT
				&& card.outcomeTrend() == Trend.FLAT && !card.flags().contains("FOLLOWER_SPIKE");
	}

	/** A flat instagram audience plus a flat tiktok one of the given size, reported as given. */
	private static void artefactAudience(SplittableRandom random, Feeds feeds, double tiktokFollowers,
			Reporting tiktok) {
		instagram(random, feeds, uniform(random, 30_000, 120_000), Signals.constant(DAYS, 0), Signals.POSTING_MONDAY,
				Reporting.daily());
		double[] followers = Signals.audience(random, feeds.days(), tiktokFollowers, Signals.constant(DAYS, 0),
				Signals.POSTING_MONDAY, 0.001, 0.0003);
		feeds.add("followers", "tiktok", followers, tiktok);
		Reporting tiktokLikes = (tiktok.period() == 1) ? tiktok : Reporting.daily();
		likes(random, feeds, "tiktok", followers, Signals.POSTING_MONDAY, tiktokLikes);
	}

	/** Flat sales on the shop (daily) and the marketplace (30-50 %, reported as given). */
	private static void artefactSales(SplittableRandom random, Feeds feeds, Reporting marketplace) {
		sales(random, feeds, salesBase(random, feeds.days(), 0), Signals.SALES_WEEKEND, 0.15, uniform(random, 0.3, 0.5),
				Reporting.daily(), marketplace);
	}

	// ---- follower spikes

	/** Where the +5 % jump lands. */
	private enum Spike {

		/** On a daily instagram feed. */
		DAILY,

		/** On a daily instagram feed that missed the day before the jump. */
		AFTER_GAP,

		/** On tiktok, whose followers are reported on Mondays: the jump shows in the next Monday's report. */
		WEEKLY

	}

	private static Family spike(String name, Spike spike, boolean viral, Target target, long seed) {
		String engagement = viral ? "likes on that channel x3 on the jump day" : "no change in engagement";
		String tiktok = (spike == Spike.WEEKLY) ? "reported Mondays" : "daily";
		String jump = switch (spike) {
			case DAILY -> "instagram 3-20 days before the latest day";
			case AFTER_GAP -> "instagram 3-20 days before the latest day, instagram missing the day before";
			case WEEKLY -> "tiktok on one of the 7 days up to a Monday report 1-26 days before the latest day";
		};
		return new Family(name,
				"followers: instagram 30k-150k daily, tiktok 20k-80k (" + tiktok + "), g 0-0.1 %/day, Monday posting, "
						+ "swing 0.1 %/day, noise 0.03 %/day; likes per channel 0.5-2 % of followers, CV 0.25, daily; "
						+ "sales_revenue 1k-50k/day flat, weekend peak, CV 0.15; +5 % one-day jump on " + jump + "; "
						+ engagement,
				viral ? "no FOLLOWER_SPIKE" : "FOLLOWER_SPIKE flagged", target, BRANDS, seed,
				(random, brand) -> spikeBrand(random, brand, spike, viral),
				(brand, card) -> card.flags().contains("FOLLOWER_SPIKE") != viral);
	}

	private static SimulatedBrand spikeBrand(SplittableRandom random, String name, Spike spike, boolean viral) {
		Days days = days(random);
		Feeds feeds = new Feeds(days);
		double[] instagram = Signals.audience(random, days, uniform(random, 30_000, 150_000),
				Signals.constant(DAYS, uniform(random, 0, 0.001)), Signals.POSTING_MONDAY, 0.001, 0.0003);
		double[] tiktok = Signals.audience(random, days, uniform(random, 20_000, 80_000),
				Signals.constant(DAYS, uniform(random, 0, 0.001)), Signals.POSTING_MONDAY, 0.001, 0.0003);
		double[] instagramLikes = Signals.flow(random, days, instagram, uniform(random, 0.005, 0.02),
				Signals.damped(Signals.POSTING_MONDAY, 0.5), 0.25, true);
		double[] tiktokLikes = Signals.flow(random, days, tiktok, uniform(random, 0.005, 0.02),
				Signals.damped(Signals.POSTING_MONDAY, 0.5), 0.25, true);
		Reporting instagramFeed = Reporting.daily();
		Reporting tiktokFeed = Reporting.daily();
		if (spike == Spike.WEEKLY) {
			// the jump happens on any day; the Monday report after it (inside the window, with a baseline) shows it
			tiktokFeed = Reporting.weeklyOn(days, 0);
			int report = days.last() - uniformInt(random, 1, 20);
			report -= days.dayOfWeek(report);
			int jump = report - random.nextInt(7);
			tiktok = Signals.jump(tiktok, jump, 5);
			tiktokLikes[jump] *= viral ? 3 : 1;
		}
		else {
			int jump = days.last() - uniformInt(random, 3, 20);
			instagram = Signals.jump(instagram, jump, 5);
			instagramLikes[jump] *= viral ? 3 : 1;
			if (spike == Spike.AFTER_GAP) {
				instagramFeed = instagramFeed.downBetween(jump - 1, jump - 1);
			}
		}
		feeds.add("followers", "instagram", instagram, instagramFeed);
		feeds.add("followers", "tiktok", tiktok, tiktokFeed);
		feeds.add("likes", "instagram", instagramLikes, Reporting.daily());
		feeds.add("likes", "tiktok", tiktokLikes, Reporting.daily());
		sales(random, feeds, salesBase(random, days, 0), Signals.SALES_WEEKEND, 0.15, uniform(random, 0.2, 0.5),
				Reporting.daily(), Reporting.daily());
		return feeds.brand(name, null, "");
	}

}
