package io.brandsignal.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignLiftState;
import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.campaign.CampaignScored.Day;
import io.brandsignal.contract.campaign.CampaignScored.Effect;
import io.brandsignal.contract.campaign.CampaignScored.MetricLift;
import io.brandsignal.contract.campaign.CampaignScored.UnitCost;
import io.brandsignal.contract.campaign.CampaignVerdict;
import io.brandsignal.contract.catalog.MetricCategory;

/**
 * Campaigns and campaign results for tests, with round numbers that are easy to check by hand: a 10-day
 * campaign from 2026-03-01 to 2026-03-10 with 7 days of carry-over, 1,200 EUR of spend.
 */
public final class CampaignFixtures {

	public static final LocalDate START = LocalDate.parse("2026-03-01");

	public static final LocalDate END = LocalDate.parse("2026-03-10");

	private CampaignFixtures() {
	}

	/** A campaign of the whole brand, defined at {@code updatedAt} by {@code tester}. */
	public static CampaignDefined defined(String brand, String id, String name, Instant updatedAt) {
		return new CampaignDefined(brand, id, name, CampaignKind.GIVEAWAY, START, END, List.of("all"),
				new BigDecimal("1200.00"), "EUR", "A test campaign", updatedAt, "tester");
	}

	/**
	 * A scored campaign: followers (audience) lifted by {@code audiencePercent} ± 5 points with p = 0.01, sales
	 * (outcome) by {@code outcomePercent} ± 5 points with p = 0.2; followers cost 0.40 EUR each (0.30 EUR up to
	 * unbounded); it overlaps {@code other-campaign}.
	 */
	public static CampaignScored scored(String brand, String id, String name, CampaignKind kind,
			CampaignVerdict verdict, double audiencePercent, double outcomePercent, Instant scoredAt) {
		LocalDate asOf = END.plusDays(7);
		MetricLift followers = new MetricLift("followers", MetricCategory.VANITY, CampaignLiftState.ESTIMATED, null,
				effect(START, END, 3000, audiencePercent, 0.01), effect(END.plusDays(1), asOf, 0, 0, 0.5),
				effect(START, asOf, 3000, audiencePercent, 0.01), 56, 8, 1, days(START.minusDays(3), asOf));
		MetricLift sales = new MetricLift("sales", MetricCategory.OUTCOME, CampaignLiftState.ESTIMATED, null,
				effect(START, END, 100, outcomePercent, 0.2), null, effect(START, asOf, 100, outcomePercent, 0.2), 56, 8,
				0, days(START.minusDays(3), asOf));
		return new CampaignScored(brand, id, name, kind, START, END, 7, asOf, verdict,
				"It bought 3,000 followers at 0.40 EUR each and moved sales by nothing measurable.",
				List.of(followers, sales), new BigDecimal("1200.00"), "EUR",
				List.of(new UnitCost("followers", new BigDecimal("0.40"), new BigDecimal("0.30"), null)), null,
				List.of("other-campaign"), scoredAt);
	}

	/** A result too early to measure: 3 of the 10 campaign days known. */
	public static CampaignScored tooEarly(String brand, String id, Instant scoredAt) {
		MetricLift followers = new MetricLift("followers", MetricCategory.VANITY, CampaignLiftState.TOO_EARLY,
				"only 3 campaign days known, 7 needed", null, null, null, 56, 0, 0, List.of());
		return new CampaignScored(brand, id, "Early", CampaignKind.PAID_SOCIAL, START, END, 7, START.plusDays(2),
				CampaignVerdict.TOO_EARLY, "Too early to tell.", List.of(followers), null, null, List.of(), null,
				List.of(), scoredAt);
	}

	private static Effect effect(LocalDate from, LocalDate to, double effect, double relativePercent, double pValue) {
		int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
		return new Effect(from, to, days, effect, effect * 0.5, effect * 1.5, 10_000, relativePercent,
				relativePercent - 5, relativePercent + 5, pValue, pValue <= 0.05);
	}

	private static List<Day> days(LocalDate from, LocalDate to) {
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.add(new Day(day, 1000.0 + days.size() * 10, 1000, 950, 1050));
		}
		return days;
	}

}
