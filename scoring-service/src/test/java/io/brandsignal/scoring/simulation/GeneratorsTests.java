package io.brandsignal.scoring.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.brandsignal.scoring.simulation.SimulatedBrand.Cell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generators deliver what their descriptions in the study table claim, checked on the cells alone
 * (no scorer involved).
 */
class GeneratorsTests {

	private static SimulatedBrand brand(Family family, long seed) {
		return family.generate().generate(new SplittableRandom(seed), "b" + seed);
	}

	private static TreeMap<LocalDate, Double> channel(SimulatedBrand brand, String metric, String channel) {
		TreeMap<LocalDate, Double> values = new TreeMap<>();
		for (Cell cell : brand.cells()) {
			if (cell.metric().equals(metric) && cell.channel().equals(channel)) {
				values.put(cell.date(), cell.value());
			}
		}
		return values;
	}

	private static LocalDate latest(SimulatedBrand brand) {
		return brand.cells().stream().map(Cell::date).max(LocalDate::compareTo).orElseThrow();
	}

	@Test
	void sameSeedGivesTheSameBrand() {
		for (Family family : Families.all()) {
			assertThat(brand(family, 7)).as(family.name()).isEqualTo(brand(family, 7));
		}
	}

	@Test
	void everyBrandHasTwoHundredDaysOfHistory() {
		for (Family family : Families.all()) {
			SimulatedBrand brand = brand(family, 3);
			LocalDate first = brand.cells().stream().map(Cell::date).min(LocalDate::compareTo).orElseThrow();
			assertThat(first.plusDays(Families.DAYS - 1)).as(family.name()).isEqualTo(latest(brand));
		}
	}

	@Test
	void equalGrowthBrandsGrowFollowersAndWeeklySalesByTenPercentOverTheWindow() {
		double followers = 0;
		double sales = 0;
		int brands = 50;
		for (int seed = 0; seed < brands; seed++) {
			SimulatedBrand brand = brand(Families.EQUAL_GROWTH_10, seed);
			LocalDate end = latest(brand);
			LocalDate start = end.minusDays(Families.WINDOW_DAYS - 1);
			TreeMap<LocalDate, Double> level = channel(brand, "followers", "instagram");
			followers += level.get(end) / level.get(start) / brands;
			// whole weeks 21 days apart, so the weekly cycle cancels: 1.1^(21/27)
			sales += weekSum(brand, end) / weekSum(brand, end.minusDays(21)) / brands;
		}
		assertThat(followers).isCloseTo(1.10, within(0.01));
		assertThat(sales).isCloseTo(Math.pow(1.10, 21.0 / 27), within(0.02));
	}

	private static double weekSum(SimulatedBrand brand, LocalDate last) {
		return brand.cells()
			.stream()
			.filter((cell) -> cell.metric().equals("sales_revenue"))
			.filter((cell) -> !cell.date().isAfter(last) && cell.date().isAfter(last.minusDays(7)))
			.mapToDouble(Cell::value)
			.sum();
	}

	@Test
	void weeklyChannelReportsOnMondaysOnly() {
		SimulatedBrand brand = brand(Families.TIKTOK_WEEKLY, 1);
		assertThat(channel(brand, "followers", "tiktok").keySet()).hasSizeGreaterThan(25)
			.allSatisfy((date) -> assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
	}

	@Test
	void lateChannelsMissOnlyTheLatestDay() {
		SimulatedBrand brand = brand(Families.LATE_DATA, 1);
		LocalDate latest = latest(brand);
		assertThat(channel(brand, "followers", "tiktok").lastKey()).isEqualTo(latest.minusDays(1));
		assertThat(channel(brand, "sales_revenue", "marketplace").lastKey()).isEqualTo(latest.minusDays(1));
		assertThat(channel(brand, "followers", "instagram").lastKey()).isEqualTo(latest);
	}

	@Test
	void newChannelStartsInsideTheWindowAtAboutFortyThousand() {
		SimulatedBrand brand = brand(Families.NEW_CHANNEL, 1);
		TreeMap<LocalDate, Double> tiktok = channel(brand, "followers", "tiktok");
		assertThat(tiktok.firstKey()).isAfter(latest(brand).minusDays(Families.WINDOW_DAYS - 1));
		assertThat(tiktok.firstEntry().getValue()).isBetween(38_000.0, 42_000.0);
	}

	@Test
	void salesOutageSilencesTheMarketplaceForSevenDaysInsideTheWindow() {
		SimulatedBrand brand = brand(Families.SALES_OUTAGE, 1);
		LocalDate latest = latest(brand);
		List<LocalDate> silent = latest.minusDays(Families.WINDOW_DAYS - 1)
			.datesUntil(latest.plusDays(1))
			.filter((date) -> !channel(brand, "sales_revenue", "marketplace").containsKey(date))
			.toList();
		assertThat(silent).hasSize(7);
		assertThat(silent.get(6)).isEqualTo(silent.get(0).plusDays(6));
	}

	@Test
	void boughtFollowersJumpFivePercentInOneDayWithoutALikesRise() {
		SimulatedBrand brand = brand(Families.BOUGHT_DAILY, 1);
		TreeMap<LocalDate, Double> followers = channel(brand, "followers", "instagram");
		LocalDate jump = followers.keySet()
			.stream()
			.filter((date) -> followers.containsKey(date.minusDays(1)))
			.max((a, b) -> Double.compare(followers.get(a) / followers.get(a.minusDays(1)),
					followers.get(b) / followers.get(b.minusDays(1))))
			.orElseThrow();
		assertThat(followers.get(jump) / followers.get(jump.minusDays(1))).isGreaterThan(1.04);
		TreeMap<LocalDate, Double> likes = channel(brand, "likes", "instagram");
		double median = likes.headMap(jump).values().stream().sorted().toList().get(likes.headMap(jump).size() / 2);
		assertThat(likes.get(jump)).isLessThan(2 * median);
	}

	@Test
	void wilsonIntervalMatchesTheTextbookValue() {
		// 10 events in 200 trials: Wilson 95 % interval 2.74 % .. 8.96 %, worked out by hand from the formula
		assertThat(SimulationStudy.wilson(10, 200)).isEqualTo(" (2.7-9.0)");
	}

	@Test
	void trueLinksCarryTheirLagAndNullsNone() {
		assertThat(brand(Families.TRUE_LINK_20, 1).leadDays()).isIn(0, 3, 7, 14);
		assertThat(brand(Families.MONDAY_POSTING_MONDAY_SALES, 1).leadDays()).isNull();
	}

}
