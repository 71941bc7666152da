package io.brandsignal.scoring.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.brandsignal.contract.catalog.MetricCatalog;
import io.brandsignal.contract.catalog.MetricKind;
import io.brandsignal.scoring.campaign.CampaignAssessor;
import io.brandsignal.scoring.campaign.CampaignLiftEstimator;
import io.brandsignal.scoring.campaign.CampaignResult;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.scoring.campaign.CampaignWindow;
import io.brandsignal.scoring.campaign.DailySeries;
import io.brandsignal.scoring.campaign.Effect;
import io.brandsignal.scoring.campaign.LiftRules;
import io.brandsignal.scoring.campaign.LiftState;
import io.brandsignal.scoring.campaign.MetricLift;
import io.brandsignal.scoring.ledger.BrandLedger;
import io.brandsignal.scoring.ledger.MetricLedger;
import io.brandsignal.scoring.simulation.Family.Target;
import io.brandsignal.scoring.simulation.SimulatedBrand.Feeds;

import static io.brandsignal.scoring.simulation.Draws.uniform;
import static io.brandsignal.scoring.simulation.Draws.uniformInt;

/**
 * The campaign-lift study: simulated brands with a campaign whose lift the generator injects (on the audience,
 * on outcomes, on both, or none), each generated twice from the same random draws, with and without that lift.
 * The true lift of every metric and span is the difference between the two worlds as the ledger reads them
 * (never anything the estimator computed); the study measures how often the estimate's interval covers it, how
 * often a lift is claimed where there is none, and how often the verdict is the generator's.
 */
final class CampaignStudy {

	static final String BEGIN = "<!-- campaign-study:begin -->";

	static final String END = "<!-- campaign-study:end -->";

	static final String REGENERATE = "mvn -B -q -pl scoring-service -am test -Dtest=CampaignStudyTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dsimulation.write-docs=true";

	static final int DAYS = 260;

	/** Brands per family with targets: 600 metric estimates, a rate of 95 % reads within about ± 2 %. */
	static final int BRANDS = 200;

	/** Brands per family reported for information. */
	static final int INFORMATION_BRANDS = 100;

	/** What the generator lifts during the campaign. */
	enum Lift {

		NONE(CampaignVerdict.NO_MEASURABLE_EFFECT), AUDIENCE(CampaignVerdict.BOUGHT_ATTENTION),
		OUTCOMES(CampaignVerdict.MOVED_OUTCOMES), BOTH(CampaignVerdict.MOVED_OUTCOMES);

		final CampaignVerdict verdict;

		Lift(CampaignVerdict verdict) {
			this.verdict = verdict;
		}

		boolean audience() {
			return this == AUDIENCE || this == BOTH;
		}

		boolean outcomes() {
			return this == OUTCOMES || this == BOTH;
		}

	}

	/**
	 * One family of campaign brands.
	 *
	 * @param name short name for the table
	 * @param lift what the campaign lifts
	 * @param salesLift range of the sales lift during the campaign (fraction of the counterfactual)
	 * @param running whether the brands are judged while the campaign is still running
	 * @param seed the family's seed
	 * @param market the market the brand sells in
	 */
	record CampaignFamily(String name, Lift lift, double[] salesLift, boolean running, int brands, long seed,
			Market market) {
	}

	/** Whether sales ride a market-wide demand wave, and whether the estimate is given a control brand riding it too. */
	enum Market {

		NONE, WAVE, WAVE_WITH_CONTROL

	}

	static final CampaignFamily NO_LIFT = new CampaignFamily("no lift", Lift.NONE, new double[] { 0.2, 0.4 }, false, BRANDS, 901, Market.NONE);

	static final CampaignFamily AUDIENCE_ONLY = new CampaignFamily("audience only", Lift.AUDIENCE,
			new double[] { 0.2, 0.4 }, false, BRANDS, 902, Market.NONE);

	static final CampaignFamily OUTCOMES_ONLY = new CampaignFamily("outcomes only", Lift.OUTCOMES,
			new double[] { 0.2, 0.4 }, false, BRANDS, 903, Market.NONE);

	static final CampaignFamily BOTH = new CampaignFamily("audience and outcomes", Lift.BOTH, new double[] { 0.2, 0.4 },
			false, BRANDS, 904, Market.NONE);

	static final CampaignFamily SMALL_SALES = new CampaignFamily("outcomes only, sales +5-10 %", Lift.OUTCOMES,
			new double[] { 0.05, 0.1 }, false, INFORMATION_BRANDS, 905, Market.NONE);

	static final CampaignFamily RUNNING = new CampaignFamily("outcomes only, campaign still running", Lift.OUTCOMES,
			new double[] { 0.2, 0.4 }, true, INFORMATION_BRANDS, 906, Market.NONE);

	static final CampaignFamily WAVE = new CampaignFamily("sales +5-10 % in a market-wide demand wave", Lift.OUTCOMES,
			new double[] { 0.05, 0.1 }, false, INFORMATION_BRANDS, 907, Market.WAVE);

	static final CampaignFamily WAVE_WITH_CONTROL = new CampaignFamily(
			"sales +5-10 % in a market-wide demand wave, with the market as control", Lift.OUTCOMES, new double[] { 0.05, 0.1 },
			false, INFORMATION_BRANDS, 907, Market.WAVE_WITH_CONTROL);

	static List<CampaignFamily> all() {
		return List.of(NO_LIFT, AUDIENCE_ONLY, OUTCOMES_ONLY, BOTH, SMALL_SALES, RUNNING, WAVE, WAVE_WITH_CONTROL);
	}

	static final String GENERATOR = "260 days; followers: instagram 20k-150k daily, trend 0-0.15 %/day, Monday posting, "
			+ "swing 0.1 %/day, noise 0.03 %/day, plus tiktok 20k-60k reported on Mondays (not in the campaign); likes "
			+ "0.5-2 % of instagram followers, CV 0.25; sales_revenue 1k-50k/day, trend -0.05..+0.1 %/day, weekend peak, "
			+ "CV 0.1-0.2, on shop + marketplace (20-50 %); leads Poisson 3-8/day x weekday weights (1.3 Tue/Wed, 0.4 Sun); an earlier campaign (7-21 days, starting on day 60-140, "
			+ "+2-6 % followers and +10-20 % sales, in both worlds) that the estimator is told of; the campaign lasts "
			+ "14-28 days and ends 14-24 days before the latest day (running: started 5 days to its length before "
			+ "it), carry-over 14 days; the demand-wave families multiply sales by a market-wide wave (log-growth an AR(1), phi "
			+ "0.97, sd 0.4 %/day) that the market's other brands ride too (their summed sales 50k-500k/day, weekend peak, "
			+ "CV 0.03), given to the estimate as the control series of sales in the last family. Audience lift: instagram gains +3-8 % of its followers over the campaign "
			+ "(net adds spread over its days), 0-30 % of them unfollow again over the carry-over, and likes rise "
			+ "+30-60 % during the campaign; outcome lift: sales and the leads' mean x (1 + L) during the "
			+ "campaign, decaying as L exp(-d/4) over the carry-over day d";

	/** One brand in both worlds, and its campaigns. */
	record Case(String name, BrandLedger treated, BrandLedger untreated, CampaignWindow campaign,
			List<CampaignWindow> campaigns, DailySeries control) {
	}

	/** Per family: the counts behind each rate. */
	record Counts(CampaignFamily family, int brands, int estimates, int covered, int campaignSpans,
			int campaignCovered, int carrySpans, int carryCovered, int significant, int verdicts, int errors,
			String firstError, Map<String, int[]> byMetric) {

		double coverage() {
			return this.covered / (double) this.estimates;
		}

		double falsePositives() {
			return this.significant / (double) this.estimates;
		}

		double verdictRate() {
			return this.verdicts / (double) this.brands;
		}

	}

	private final MetricCatalog catalog;

	private final CampaignAssessor assessor = new CampaignAssessor(LiftRules.defaults());

	private final CampaignLiftEstimator estimator = new CampaignLiftEstimator(LiftRules.defaults());

	CampaignStudy(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	Counts run(CampaignFamily family) {
		SplittableRandom seeds = new SplittableRandom(family.seed());
		int estimates = 0;
		int covered = 0;
		int campaignSpans = 0;
		int campaignCovered = 0;
		int carrySpans = 0;
		int carryCovered = 0;
		int significant = 0;
		int verdicts = 0;
		int errors = 0;
		String firstError = null;
		// per metric: estimates, covered, significant
		Map<String, int[]> byMetric = new LinkedHashMap<>();
		for (int i = 0; i < family.brands(); i++) {
			Case brand = generate(seeds.nextLong(), "camp-" + family.seed() + "-" + i, family);
			try {
				CampaignResult result = (family.market() == Market.WAVE_WITH_CONTROL) ? withControl(brand)
						: this.assessor.assess(brand.treated(), brand.campaign(), brand.campaigns(), null);
				verdicts += (result.verdict() == family.lift().verdict) ? 1 : 0;
				for (MetricLift lift : result.lifts()) {
					if (lift.state() != LiftState.ESTIMATED) {
						continue;
					}
					boolean hit = covers(lift.total(), truth(brand, lift, lift.total()));
					estimates++;
					covered += hit ? 1 : 0;
					significant += lift.total().significant() ? 1 : 0;
					int[] metric = byMetric.computeIfAbsent(lift.metric().name(), (name) -> new int[3]);
					metric[0]++;
					metric[1] += hit ? 1 : 0;
					metric[2] += lift.total().significant() ? 1 : 0;
					campaignSpans++;
					campaignCovered += covers(lift.campaign(), truth(brand, lift, lift.campaign())) ? 1 : 0;
					if (lift.carryOver() != null) {
						carrySpans++;
						carryCovered += covers(lift.carryOver(), truth(brand, lift, lift.carryOver())) ? 1 : 0;
					}
				}
			}
			catch (RuntimeException ex) {
				errors++;
				firstError = (firstError != null) ? firstError : brand.name() + ": " + ex;
			}
		}
		return new Counts(family, family.brands(), estimates, covered, campaignSpans, campaignCovered, carrySpans, carryCovered,
				significant, verdicts, errors, firstError, byMetric);
	}

	/** The brand's lifts with the control brand's sales as the control series of its sales. */
	private CampaignResult withControl(Case brand) {
		BrandLedger ledger = brand.treated();
		List<MetricLift> lifts = new ArrayList<>();
		for (MetricLedger metric : ledger.metrics()) {
			List<DailySeries> controls = metric.name().equals("sales_revenue") ? List.of(brand.control()) : List.of();
			lifts.add(this.estimator.estimate(metric.definition(), brand.campaign(), brand.campaigns(),
					DailySeries.of(metric, ledger.firstDate(), ledger.latestDate()), controls, ledger.latestDate()));
		}
		return this.assessor.assess(brand.campaign(), lifts, null);
	}

	private static boolean covers(Effect effect, double truth) {
		return effect.low() <= truth && truth <= effect.high();
	}

	/**
	 * The true effect over an estimate's span: the treated world less the untreated one, as the ledger reads
	 * both. FLOW: the sum of the daily differences over the span's known days; LEVEL: the difference of the two
	 * worlds' levels on the span's last known day less their difference on the last known day before it.
	 */
	static double truth(Case brand, MetricLift lift, Effect span) {
		MetricLedger treated = brand.treated().metric(lift.metric().name()).orElseThrow();
		MetricLedger untreated = brand.untreated().metric(lift.metric().name()).orElseThrow();
		long from = span.from().toEpochDay();
		long to = span.to().toEpochDay();
		if (lift.metric().kind() == MetricKind.FLOW) {
			double sum = 0;
			for (long day = from; day <= to; day++) {
				double value = treated.total(day);
				sum += Double.isNaN(value) ? 0 : value - untreated.total(day);
			}
			return sum;
		}
		long anchor = from - 1;
		while (Double.isNaN(treated.total(anchor))) {
			anchor--;
		}
		long last = to;
		while (Double.isNaN(treated.total(last))) {
			last--;
		}
		return (treated.total(last) - untreated.total(last)) - (treated.total(anchor) - untreated.total(anchor));
	}

	/** Both worlds of one brand, from the same seed. */
	Case generate(long seed, String name, CampaignFamily family) {
		World treated = world(new SplittableRandom(seed), name, family, true);
		World untreated = world(new SplittableRandom(seed), name, family, false);
		return new Case(name, treated.brand().ledger(this.catalog), untreated.brand().ledger(this.catalog),
				treated.campaign(), treated.campaigns(), treated.control());
	}

	private record World(SimulatedBrand brand, CampaignWindow campaign, List<CampaignWindow> campaigns,
			DailySeries control) {
	}

	/**
	 * One world: every random draw is made whether or not the campaign's lift is applied, so both worlds share
	 * every draw and differ by the lift alone.
	 */
	private static World world(SplittableRandom random, String name, CampaignFamily family, boolean treated) {
		Days calendar = new Days(LocalDate.of(2026, 1, 5).plusDays(random.nextInt(7)), DAYS);
		int carry = 14;
		int length = uniformInt(random, 14, 28);
		int start;
		int last = calendar.last();
		if (family.running()) {
			start = last - uniformInt(random, 5, length - 1);
		}
		else {
			start = last - carry - uniformInt(random, 0, 10) - length + 1;
		}
		int end = start + length - 1;
		int earlierLength = uniformInt(random, 7, 21);
		int earlierStart = uniformInt(random, 60, 140);
		int earlierEnd = earlierStart + earlierLength - 1;
		double earlierFollowers = uniform(random, 0.02, 0.06);
		double earlierSales = uniform(random, 0.1, 0.2);
		double gain = uniform(random, 0.03, 0.08);
		double unfollow = uniform(random, 0, 0.3);
		double likesLift = uniform(random, 0.3, 0.6);
		double salesLift = uniform(random, family.salesLift()[0], family.salesLift()[1]);
		boolean audience = treated && family.lift().audience();
		boolean outcomes = treated && family.lift().outcomes();

		Feeds feeds = new Feeds(calendar);
		double[] growth = Signals.constant(DAYS, uniform(random, 0, 0.0015));
		for (int day = earlierStart; day <= earlierEnd; day++) {
			growth[day] += earlierFollowers / earlierLength;
		}
		for (int day = start; day <= end && audience; day++) {
			growth[day] += gain / length;
		}
		for (int day = end + 1; day <= end + carry && day < DAYS && audience; day++) {
			growth[day] -= gain * unfollow / carry;
		}
		double[] followers = Signals.audience(random, calendar, uniform(random, 20_000, 150_000), growth,
				Signals.POSTING_MONDAY, 0.001, 0.0003);
		feeds.add("followers", "instagram", followers, Reporting.daily());
		double[] tiktok = Signals.audience(random, calendar, uniform(random, 20_000, 60_000),
				Signals.constant(DAYS, uniform(random, 0, 0.0015)), Signals.POSTING_MONDAY, 0.001, 0.0003);
		feeds.add("followers", "tiktok", tiktok, Reporting.weeklyOn(calendar, 0));
		double[] likes = Signals.flow(random, calendar, followers, uniform(random, 0.005, 0.02),
				Signals.damped(Signals.POSTING_MONDAY, 0.5), 0.25, true);
		for (int day = start; day <= end && day < DAYS && audience; day++) {
			likes[day] = Math.round(likes[day] * (1 + likesLift));
		}
		feeds.add("likes", "instagram", likes, Reporting.daily());

		double[] base = Signals.compound(calendar, uniform(random, 1_000, 50_000), uniform(random, -0.0005, 0.001));
		for (int day = earlierStart; day <= earlierEnd; day++) {
			base[day] *= 1 + earlierSales;
		}
		for (int day = start; day < DAYS && outcomes; day++) {
			base[day] *= 1 + ((day <= end) ? salesLift : salesLift * Math.exp(-(day - end) / 4.0));
		}
		DailySeries control = null;
		if (family.market() != Market.NONE) {
			// a demand wave every shop in the market rides (log-growth an AR(1), phi 0.97, sd 0.4 %/day); the
			// control, the summed sales of brands without a campaign, 50k-500k/day in it, weekend peak, CV 0.03
			SplittableRandom market = random.split();
			double[] wave = Signals.integrated(1, Draws.ar1(market, DAYS, 0, 0.97, 0.004));
			double[] controlBase = new double[DAYS];
			double size = uniform(market, 50_000, 500_000);
			for (int day = 0; day < DAYS; day++) {
				base[day] *= wave[day];
				controlBase[day] = size * wave[day];
			}
			control = new DailySeries(calendar.first(),
					Signals.flow(market, calendar, controlBase, 1, Signals.SALES_WEEKEND, 0.03, false));
		}
		double cv = uniform(random, 0.1, 0.2);
		double share = uniform(random, 0.2, 0.5);
		double[] total = Signals.flow(random, calendar, base, 1, Signals.SALES_WEEKEND, cv, false);
		double[] shop = new double[DAYS];
		double[] marketplace = new double[DAYS];
		for (int day = 0; day < DAYS; day++) {
			shop[day] = Math.round(total[day] * (1 - share) * Draws.lognormal(random, 0.03) * 100) / 100.0;
			marketplace[day] = Math.round(total[day] * share * Draws.lognormal(random, 0.03) * 100) / 100.0;
		}
		feeds.add("sales_revenue", "shop", shop, Reporting.daily());
		feeds.add("sales_revenue", "marketplace", marketplace, Reporting.daily());
		// leads: small counts with zero days, so modelled as they are (no logs); lifted like sales
		double[] leadsBase = Signals.constant(DAYS, uniform(random, 3, 8));
		for (int day = start; day < DAYS && outcomes; day++) {
			leadsBase[day] *= 1 + ((day <= end) ? salesLift : salesLift * Math.exp(-(day - end) / 4.0));
		}
		feeds.add("leads", "crm", Signals.counts(random, calendar, leadsBase, Signals.LEADS_WEEKDAYS), Reporting.daily());

		CampaignWindow campaign = new CampaignWindow("campaign", calendar.date(start), calendar.date(end), carry);
		CampaignWindow earlier = new CampaignWindow("earlier", calendar.date(earlierStart), calendar.date(earlierEnd), carry);
		return new World(feeds.brand(name, null, ""), campaign, List.of(earlier, campaign), control);
	}

	// ---- the docs block

	/** A row of the table: one family, one criterion. */
	record Row(String family, int size, String criterion, int events, Target target) {

		double rate() {
			return this.events / (double) this.size;
		}

		boolean met() {
			return !this.target.isSet() || this.target.met(rate());
		}

	}

	static List<Row> rows(List<Counts> counts) {
		List<Row> rows = new ArrayList<>();
		for (Counts family : counts) {
			boolean target = targeted(family.family());
			rows.add(new Row(family.family().name(), family.estimates(), "95 % interval covers the true total lift "
					+ "(per metric estimate)", family.covered(), target ? Target.atLeast(0.90) : Target.none()));
			rows.add(new Row(family.family().name(), family.campaignSpans(),
					"95 % interval covers the true lift during the campaign", family.campaignCovered(), Target.none()));
			if (family.carrySpans() > 0) {
				rows.add(new Row(family.family().name(), family.carrySpans(),
						"95 % interval covers the true lift in the carry-over", family.carryCovered(), Target.none()));
			}
			if (family.family().lift() == Lift.NONE) {
				rows.add(new Row(family.family().name(), family.estimates(),
						"total lift significant (false positive; p <= 0.05, interval excluding 0)", family.significant(),
						Target.atMost(0.07)));
			}
			rows.add(new Row(family.family().name(), family.brands(), "verdict " + family.family().lift().verdict,
					family.verdicts(), target ? Target.atLeast(0.90) : Target.none()));
		}
		return rows;
	}

	/** The clear cases: the families with targets. */
	private static boolean targeted(CampaignFamily family) {
		return family.brands() == BRANDS;
	}

	static String markdown(List<Counts> counts, long runtimeMillis) {
		List<Row> rows = rows(counts);
		StringBuilder text = new StringBuilder();
		text.append(BEGIN).append("\n### Campaign study (generated, do not edit by hand)\n\n")
			.append("Seeded families of simulated brands, each generated twice from the same random draws: with the\n")
			.append("campaign's lift and without it. The true lift of each metric and span is the difference between\n")
			.append("the two worlds as the ledger reads them. Estimated with the default rules through\n")
			.append("`CampaignAssessor` (`io.brandsignal.scoring.simulation.CampaignStudy`, run by `mvn verify` as\n")
			.append("`CampaignStudyTests`); coverage and false positives count each estimated metric (followers,\n")
			.append("likes, sales revenue, leads) of each brand. The clear cases are the families with targets:\n")
			.append("followers +3-8 %, likes +30-60 %, sales and leads +20-40 % during a 14-28 day campaign. Each rate carries its\n")
			.append("95 % Wilson interval. ")
			.append(String.format(Locale.ROOT, "Last run: %.1f s. ", runtimeMillis / 1000.0))
			.append("Regenerate this block with\n\n    ")
			.append(REGENERATE)
			.append("\n\n| family | n | criterion (rate of) | measured | target | met |\n|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			text.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f %%%s | %s | %s |%n", row.family(), row.size(),
					row.criterion(), row.rate() * 100, SimulationStudy.wilson(row.events(), row.size()),
					row.target().text(), row.target().isSet() ? (row.met() ? "yes" : "**no**") : "—"));
		}
		text.append("\nBy metric (modelled as: followers relative net adds, likes and sales revenue in logs, leads as ")
			.append("they are: they have zero days): coverage of the true total lift over the families with targets, and the false-positive ")
			.append("rate in the no-lift family:\n\n| metric | estimates | covered | no-lift estimates | significant |\n")
			.append("|---|---|---|---|---|\n");
		Map<String, int[]> metrics = new LinkedHashMap<>();
		for (Counts family : counts) {
			boolean target = targeted(family.family());
			boolean none = family.family().lift() == Lift.NONE;
			family.byMetric().forEach((metric, values) -> {
				int[] sum = metrics.computeIfAbsent(metric, (name) -> new int[4]);
				sum[0] += target ? values[0] : 0;
				sum[1] += target ? values[1] : 0;
				sum[2] += none ? values[0] : 0;
				sum[3] += none ? values[2] : 0;
			});
		}
		metrics.forEach((metric, sum) -> text.append(String.format(Locale.ROOT, "| %s | %d | %.1f %%%s | %d | %.1f %%%s |%n",
				metric, sum[0], 100.0 * sum[1] / sum[0], SimulationStudy.wilson(sum[1], sum[0]), sum[2],
				100.0 * sum[3] / sum[2], SimulationStudy.wilson(sum[3], sum[2]))));
		text.append("\nGenerator: ").append(GENERATOR).append(".\n");
		return text.append(END).append('\n').toString();
	}

}
