package io.brandsignal.scoring.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.event.ObservationRecorded;

/**
 * A brand whose sales a campaign lifts by a known amount, for the campaign tests of the topology and of the
 * service: 16 weeks of history, a 7-day promotion on instagram, its 14-day carry-over.
 */
final class CampaignScenario {

	/** A Monday, the brand's first day of data. */
	static final LocalDate D0 = LocalDate.parse("2026-01-05");

	/** The campaign's first day (16 weeks of history before it). */
	static final int START = 112;

	/** The campaign's last day. */
	static final int END = 118;

	/** The last day of its carry-over (14 days, the default). */
	static final int EFFECT_END = END + 14;

	/** Extra sales per day the campaign adds, from its start through its carry-over. */
	static final double STEP = 40;

	private CampaignScenario() {
	}

	/** A promotion on instagram from day {@code startDay} to {@code endDay}, with spend. */
	static CampaignDefined campaign(String brand, String id, String name, int startDay, int endDay,
			Instant updatedAt) {
		return new CampaignDefined(brand, id, name, CampaignKind.PROMOTION, D0.plusDays(startDay), D0.plusDays(endDay),
				List.of("instagram"), new BigDecimal("1680.00"), "EUR", null, updatedAt, "test");
	}

	/**
	 * Days {@code from..to} of a brand: sales in the shop around 100 a day (112 at weekends) with noise, plus
	 * {@code step} a day on days {@link #START}..{@link #EFFECT_END}; followers on instagram and tiktok growing
	 * steadily with noise. The noise is the same in every call.
	 */
	static List<ObservationRecorded> brandData(String brand, int from, int to, double step,
			Observations observations) {
		return brandData(brand, from, to, step, 0, observations);
	}

	/**
	 * {@link #brandData(String, int, int, double, Observations)}, and {@code followerStep} more instagram
	 * followers a day on the campaign's days {@link #START}..{@link #END} (tiktok untouched), which stay.
	 */
	static List<ObservationRecorded> brandData(String brand, int from, int to, double step, double followerStep,
			Observations observations) {
		Random noise = new Random(42);
		List<ObservationRecorded> data = new ArrayList<>();
		double instagram = 10_000;
		double tiktok = 5_000;
		for (int day = 0; day <= to; day++) {
			double sales = 100 + ((day % 7 >= 5) ? 12 : 0) + 3 * noise.nextGaussian();
			if (day >= START && day <= EFFECT_END) {
				sales += step;
			}
			instagram += 20 + 5 * noise.nextGaussian() + ((day >= START && day <= END) ? followerStep : 0);
			tiktok += 10 + 4 * noise.nextGaussian();
			if (day >= from) {
				LocalDate date = D0.plusDays(day);
				data.add(observations.of(brand, "sales_revenue", "shop", date, Math.round(sales * 100) / 100.0));
				data.add(observations.of(brand, "followers", "instagram", date, Math.round(instagram)));
				data.add(observations.of(brand, "followers", "tiktok", date, Math.round(tiktok)));
			}
		}
		return data;
	}

	/** Makes one observation (and chooses when it was received). */
	@FunctionalInterface
	interface Observations {

		ObservationRecorded of(String brand, String metric, String channel, LocalDate date, double value);

	}

}
