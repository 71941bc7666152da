package io.brandsignal.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeds demo brands through the public ingest API, one per verdict, with half a year of daily history
 * shaped the way real feeds are: several channels per metric at their own cadences (Instagram followers
 * daily, TikTok followers on Mondays only, a quarterly brand-awareness survey), weekly cycles (posts on
 * Mondays lift engagement, sales peak at the weekend), modest noise, and in the last four weeks
 * movements far enough beyond that noise that a scorer demanding growth beyond its 95% uncertainty still
 * gives each brand its verdict:
 * <ul>
 * <li>{@code northwind-coffee} (brand builder): Instagram followers +20%, sales (shop and marketplace)
 * and orders about +25%, following the followers a week later;</li>
 * <li>{@code glitter-gadgets} (vanity trap): Instagram followers +22% plus a bought +8% one-day jump
 * (the follower spike) while likes, sales and orders stay flat;</li>
 * <li>{@code oak-and-iron} (quiet performer): a flat audience, sales and orders about +25%;</li>
 * <li>{@code fading-fashion} (declining): a flat audience, sales and orders about -25%;</li>
 * <li>{@code steady-state-tea} (steady): nothing moves beyond noise in the scoring window, awareness
 * surveyed quarterly; months earlier a spring promotion lifted its sales for three weeks;</li>
 * <li>{@code new-kid-cola} (insufficient data): three days of followers.</li>
 * </ul>
 * Two campaigns with spend come with them ({@link #demoCampaigns}): a giveaway that bought followers and a
 * promotion that moved sales. Deterministic: each brand draws its noise from its own seeded generator, so the same calls go out every
 * time, and since observations are upserts, seeding twice changes nothing.
 */
public final class DemoSeeder {

	/** Days of history per demo brand. */
	static final int HISTORY_DAYS = 180;

	/** The scoring window the movements are designed for (the scorer's default). */
	static final int WINDOW_DAYS = 28;

	/** Day index of the window's first day. */
	static final int WINDOW_START = HISTORY_DAYS - WINDOW_DAYS;

	/** Growth rates ramp up (or down) over the four weeks before the window, so no day looks like a jump. */
	private static final int RAMP_START = WINDOW_START - 28;

	private static final int RAMP_END = WINDOW_START - 4;

	/** Day indices of the quarterly brand-awareness survey: about a quarter apart, the last three days ago. */
	private static final int[] SURVEY_DAYS = { HISTORY_DAYS - 4 - 2 * 86, HISTORY_DAYS - 4 - 86, HISTORY_DAYS - 4 };

	/** Days between a rise in followers and the sales it brings (the brand builder's lead). */
	static final int SALES_LAG_DAYS = 7;

	/** The bought jump of the vanity-trap brand's Instagram followers, in percent of the day before. */
	static final double SPIKE_PERCENT = 8;

	/** Day-to-day noise of a follower count (relative standard deviation). */
	private static final double FOLLOWER_NOISE = 0.001;

	/** Day-to-day noise of sales and engagement (coefficient of variation). */
	private static final double FLOW_NOISE = 0.08;

	/** First day index of steady-state-tea's spring promotion: two weeks, well before the scoring window. */
	static final int PROMOTION_START = 100;

	/** Last day index of the promotion (inclusive). */
	static final int PROMOTION_END = PROMOTION_START + 13;

	/** Sales and orders during the promotion, relative to what they would have been. */
	static final double PROMOTION_LIFT = 1.25;

	/** Sales and orders in the week after the promotion (the carry-over), relative to what they would have been. */
	static final double PROMOTION_CARRY_OVER_LIFT = 1.10;

	private static final int BATCH_SIZE = 2_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI ingestUrl;

	private final String apiKey;

	public DemoSeeder(URI ingestUrl, String apiKey) {
		this.ingestUrl = ingestUrl;
		this.apiKey = apiKey;
	}

	/** One demo observation; the launcher posts them as JSON. */
	record Observation(String brand, String metric, String channel, LocalDate date, double value) {

		String toJson() {
			return String.format(Locale.ROOT,
					"{\"brand\":\"%s\",\"metric\":\"%s\",\"channel\":\"%s\",\"date\":\"%s\",\"value\":%.2f}",
					this.brand, this.metric, this.channel, this.date, this.value);
		}

	}

	/** One demo campaign; the launcher defines it through ingest's campaign API. */
	record Campaign(String brand, String id, String name, String kind, LocalDate startDate, LocalDate endDate,
			String channel, int spend, String note) {

		String toJson() {
			return String.format(Locale.ROOT,
					"{\"name\":\"%s\",\"kind\":\"%s\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"channels\":[\"%s\"],"
							+ "\"spend\":%d,\"currency\":\"EUR\",\"note\":\"%s\"}",
					this.name, this.kind, this.startDate, this.endDate, this.channel, this.spend, this.note);
		}

	}

	/**
	 * Posts every demo brand's history, ending today (UTC), then defines the demo campaigns. Returns the number
	 * of observations sent.
	 */
	public int seed(Consumer<String> progress) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Observation> observations = demoObservations(today);
		for (int from = 0; from < observations.size(); from += BATCH_SIZE) {
			post(observations.subList(from, Math.min(observations.size(), from + BATCH_SIZE)));
		}
		long brands = observations.stream().map(Observation::brand).distinct().count();
		List<Campaign> campaigns = demoCampaigns(today);
		campaigns.forEach(this::define);
		progress.accept("Seeded " + observations.size() + " demo observations for " + brands + " brands and "
				+ campaigns.size() + " campaigns");
		return observations.size();
	}

	/**
	 * The demo campaigns, each with spend: glitter-gadgets' follower giveaway around the day its Instagram
	 * followers jump (bought attention: sales and likes do not move), and steady-state-tea's spring promotion,
	 * which lifts its sales and orders {@link #PROMOTION_LIFT} for two weeks and {@link #PROMOTION_CARRY_OVER_LIFT}
	 * the week after (moved outcomes), long enough before the scoring window that the brand stays steady.
	 */
	static List<Campaign> demoCampaigns(LocalDate today) {
		LocalDate start = today.minusDays(HISTORY_DAYS - 1);
		int spike = spikeDay(start);
		return List.of(
				new Campaign("glitter-gadgets", "follower-giveaway", "Follower giveaway", "GIVEAWAY",
						start.plusDays(spike - 2), start.plusDays(spike + 4), "instagram", 4_800,
						"Follow and share to win a gadget bundle"),
				new Campaign("steady-state-tea", "spring-promotion", "Spring promotion", "PROMOTION",
						start.plusDays(PROMOTION_START), start.plusDays(PROMOTION_END), "shop", 6_000,
						"Two weeks of 20 % off loose-leaf tea"));
	}

	static List<Observation> demoObservations(LocalDate today) {
		LocalDate start = today.minusDays(HISTORY_DAYS - 1);
		List<Observation> all = new ArrayList<>();
		brandBuilder(new Brand("northwind-coffee", start, 1), all);
		vanityTrap(new Brand("glitter-gadgets", start, 2), all);
		quietPerformer(new Brand("oak-and-iron", start, 3), all);
		declining(new Brand("fading-fashion", start, 4), all);
		steady(new Brand("steady-state-tea", start, 5), all);
		// INSUFFICIENT_DATA: a brand that started reporting three days ago, followers only.
		for (int day = 0; day < 3; day++) {
			all.add(new Observation("new-kid-cola", "followers", "instagram", today.minusDays(2 - day), 500 + 40 * day));
		}
		return all;
	}

	/**
	 * BRAND_BUILDER: Instagram followers speed up to about +0.67% a day (+20% over the window), with
	 * occasional campaign pushes that lift engagement the same day; TikTok grows slowly; sales and orders
	 * follow the Instagram audience a week later with elasticity 1.3 (about +25% over the window).
	 */
	private static void brandBuilder(Brand brand, List<Observation> all) {
		double[] growth = logPath(0.001, 0.0067);
		double[] instagram = new double[HISTORY_DAYS];
		boolean[] campaign = new boolean[HISTORY_DAYS];
		double pushes = 0;
		for (int day = 0; day < HISTORY_DAYS; day++) {
			campaign[day] = brand.random.nextDouble() < 0.08;
			pushes += campaign[day] ? 0.006 : 0;
			instagram[day] = 40_000 * Math.exp(growth[day] + pushes);
		}
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = brand.date(day);
			double followers = instagram[day] * brand.noise(FOLLOWER_NOISE);
			brand.level(all, "followers", "instagram", date, followers);
			brand.tiktokOnMondays(all, date, 15_000 * Math.exp(0.003 * day));
			brand.flow(all, "engagements", "instagram",
					date, followers * 0.03 * posting(date) * (campaign[day] ? 1.2 : 1) * brand.noise(FLOW_NOISE));
			double lift = Math.pow(instagram[Math.max(0, day - SALES_LAG_DAYS)] / instagram[0], 1.3);
			brand.flow(all, "sales_revenue", "shop", date, 3_000 * shopping(date) * lift * brand.noise(FLOW_NOISE));
			brand.flow(all, "sales_revenue", "marketplace", date,
					1_500 * shopping(date) * lift * brand.noise(FLOW_NOISE));
			brand.count(all, "orders", "shop", date, 150 * shopping(date) * lift);
		}
	}

	/**
	 * VANITY_TRAP with a FOLLOWER_SPIKE: Instagram followers speed up to +0.75% a day and jump by
	 * {@value #SPIKE_PERCENT}% on one Wednesday in the window (bought followers; engagement does not
	 * move), TikTok grows steadily; likes, sales and orders stay flat.
	 */
	private static void vanityTrap(Brand brand, List<Observation> all) {
		double[] growth = logPath(0.002, 0.0075);
		int spike = spikeDay(brand.start);
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = brand.date(day);
			double bought = (day >= spike) ? 1 + SPIKE_PERCENT / 100 : 1;
			brand.level(all, "followers", "instagram", date,
					60_000 * Math.exp(growth[day]) * bought * brand.noise(FOLLOWER_NOISE));
			brand.tiktokOnMondays(all, date, 90_000 * Math.exp(0.004 * day));
			brand.flow(all, "likes", "instagram", date, 2_400 * posting(date) * brand.noise(FLOW_NOISE));
			brand.flow(all, "sales_revenue", "shop", date, 2_500 * shopping(date) * brand.noise(FLOW_NOISE));
			brand.flow(all, "sales_revenue", "marketplace", date, 1_200 * shopping(date) * brand.noise(FLOW_NOISE));
			brand.count(all, "orders", "shop", date, 120 * shopping(date));
		}
	}

	/** QUIET_PERFORMER: a flat audience while sales and orders speed up to +0.85% a day (+26% over the window). */
	private static void quietPerformer(Brand brand, List<Observation> all) {
		double[] growth = logPath(0.001, 0.0085);
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = brand.date(day);
			brand.level(all, "followers", "instagram", date, 8_000 * brand.noise(FOLLOWER_NOISE));
			brand.tiktokOnMondays(all, date, 3_000);
			brand.flow(all, "likes", "instagram", date, 320 * posting(date) * brand.noise(FLOW_NOISE));
			double lift = Math.exp(growth[day]);
			brand.flow(all, "sales_revenue", "shop", date, 3_000 * shopping(date) * lift * brand.noise(FLOW_NOISE));
			brand.count(all, "orders", "shop", date, 90 * shopping(date) * lift);
		}
	}

	/**
	 * DECLINING: Instagram followers drift down a little, Facebook stays flat, sales on both channels and
	 * orders slide to -1.1% a day (-26% over the window).
	 */
	private static void declining(Brand brand, List<Observation> all) {
		double[] growth = logPath(0, -0.011);
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = brand.date(day);
			brand.level(all, "followers", "instagram", date,
					30_000 * Math.exp(-0.0002 * day) * brand.noise(FOLLOWER_NOISE));
			brand.level(all, "followers", "facebook", date, 12_000 * brand.noise(FOLLOWER_NOISE));
			brand.flow(all, "likes", "instagram", date, 900 * posting(date) * brand.noise(FLOW_NOISE));
			double lift = Math.exp(growth[day]);
			brand.flow(all, "sales_revenue", "shop", date, 6_000 * shopping(date) * lift * brand.noise(FLOW_NOISE));
			brand.flow(all, "sales_revenue", "marketplace", date,
					2_000 * shopping(date) * lift * brand.noise(FLOW_NOISE));
			brand.count(all, "orders", "shop", date, 200 * shopping(date) * lift);
		}
	}

	/**
	 * STEADY: every series flat with its weekly cycle and noise; brand awareness surveyed once a quarter. Its
	 * spring promotion (days {@link #PROMOTION_START} to {@link #PROMOTION_END}) lifted sales and orders for
	 * three weeks, months before the scoring window.
	 */
	private static void steady(Brand brand, List<Observation> all) {
		for (int day = 0; day < HISTORY_DAYS; day++) {
			LocalDate date = brand.date(day);
			double promotion = promotionLift(day);
			brand.level(all, "followers", "instagram", date, 12_000 * brand.noise(FOLLOWER_NOISE));
			brand.tiktokOnMondays(all, date, 5_000 * brand.noise(FOLLOWER_NOISE));
			brand.flow(all, "likes", "instagram", date, 480 * posting(date) * brand.noise(FLOW_NOISE));
			brand.flow(all, "sales_revenue", "shop", date,
					1_800 * shopping(date) * promotion * brand.noise(FLOW_NOISE));
			brand.count(all, "orders", "shop", date, 60 * shopping(date) * promotion);
		}
		double[] awareness = { 41.0, 40.6, 41.3 };
		for (int quarter = 0; quarter < awareness.length; quarter++) {
			all.add(new Observation(brand.name, "brand_awareness", "survey", brand.date(SURVEY_DAYS[quarter]),
					awareness[quarter]));
		}
	}

	/** steady-state-tea's sales on a day relative to a year without its spring promotion. */
	static double promotionLift(int day) {
		if (day >= PROMOTION_START && day <= PROMOTION_END) {
			return PROMOTION_LIFT;
		}
		return (day > PROMOTION_END && day <= PROMOTION_END + 7) ? PROMOTION_CARRY_OVER_LIFT : 1;
	}

	/**
	 * Cumulative log growth per day: {@code before} a day until {@link #RAMP_START}, then a linear ramp
	 * to {@code after} a day at {@link #RAMP_END}, held to the end.
	 */
	private static double[] logPath(double before, double after) {
		double[] path = new double[HISTORY_DAYS];
		for (int day = 1; day < HISTORY_DAYS; day++) {
			double share = Math.min(1, Math.max(0, (day - RAMP_START) / (double) (RAMP_END - RAMP_START)));
			path[day] = path[day - 1] + before + share * (after - before);
		}
		return path;
	}

	/**
	 * The day of the follower spike: the Wednesday in the second week before today, inside the window and
	 * with a full week of data after it; a Wednesday so that no posting Monday's engagement peak is near.
	 */
	static int spikeDay(LocalDate start) {
		int day = HISTORY_DAYS - 14;
		while (start.plusDays(day).getDayOfWeek() != DayOfWeek.WEDNESDAY) {
			day++;
		}
		return day;
	}

	/** Engagement by weekday: posts go out on Mondays, and their reach carries into Tuesday. */
	static double posting(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case MONDAY -> 1.6;
			case TUESDAY -> 1.2;
			default -> 0.85;
		};
	}

	/** Sales by weekday: slow early in the week, peaking on the weekend. */
	static double shopping(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case MONDAY -> 0.85;
			case TUESDAY -> 0.9;
			case WEDNESDAY -> 0.95;
			case THURSDAY -> 1.0;
			case FRIDAY -> 1.1;
			case SATURDAY -> 1.25;
			case SUNDAY -> 1.15;
		};
	}

	/** One demo brand being generated: its name, first day and its own noise. */
	private static final class Brand {

		private final String name;

		private final LocalDate start;

		private final Random random;

		Brand(String name, LocalDate start, long seed) {
			this.name = name;
			this.start = start;
			this.random = new Random(seed);
		}

		LocalDate date(int day) {
			return this.start.plusDays(day);
		}

		/** A multiplicative noise factor with the given coefficient of variation, never below a tenth. */
		double noise(double variation) {
			return Math.max(0.1, 1 + variation * this.random.nextGaussian());
		}

		void level(List<Observation> all, String metric, String channel, LocalDate date, double value) {
			all.add(new Observation(this.name, metric, channel, date, Math.round(value)));
		}

		/** TikTok reports its follower count once a week, on Mondays. */
		void tiktokOnMondays(List<Observation> all, LocalDate date, double followers) {
			if (date.getDayOfWeek() == DayOfWeek.MONDAY) {
				level(all, "followers", "tiktok", date, followers);
			}
		}

		void flow(List<Observation> all, String metric, String channel, LocalDate date, double value) {
			all.add(new Observation(this.name, metric, channel, date, Math.round(value * 100) / 100.0));
		}

		/** A count with Poisson noise around {@code mean} (normal approximation). */
		void count(List<Observation> all, String metric, String channel, LocalDate date, double mean) {
			all.add(new Observation(this.name, metric, channel, date,
					Math.max(0, Math.round(mean + Math.sqrt(mean) * this.random.nextGaussian()))));
		}

	}

	private void define(Campaign campaign) {
		HttpRequest request = HttpRequest
			.newBuilder(this.ingestUrl.resolve("/api/v1/brands/" + campaign.brand() + "/campaigns/" + campaign.id()))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.PUT(HttpRequest.BodyPublishers.ofString(campaign.toJson()))
			.build();
		send(request, 202, "demo campaign");
	}

	private void post(List<Observation> batch) {
		StringBuilder body = new StringBuilder("{\"observations\":[");
		for (int i = 0; i < batch.size(); i++) {
			body.append((i > 0) ? "," : "").append(batch.get(i).toJson());
		}
		body.append("]}");
		HttpRequest request = HttpRequest.newBuilder(this.ingestUrl.resolve("/api/v1/observations"))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		send(request, 202, "demo data");
	}

	private void send(HttpRequest request, int expectedStatus, String what) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException(
						"ingest-service refused " + what + ": " + response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach ingest-service at " + this.ingestUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding demo data", ex);
		}
	}

}
