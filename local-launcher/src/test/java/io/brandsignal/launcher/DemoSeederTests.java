package io.brandsignal.launcher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSeederTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private final List<DemoSeeder.Observation> observations = DemoSeeder.demoObservations(TODAY);

	@Test
	void seedsSixBrandsEndingToday() {
		Map<String, Long> perBrand = this.observations.stream()
			.collect(Collectors.groupingBy(DemoSeeder.Observation::brand, Collectors.counting()));
		assertThat(perBrand).containsOnlyKeys("northwind-coffee", "glitter-gadgets", "oak-and-iron", "fading-fashion",
				"steady-state-tea", "new-kid-cola");
		assertThat(perBrand.get("northwind-coffee")).isEqualTo(4L * 180);
		assertThat(perBrand.get("new-kid-cola")).isEqualTo(3L);
		assertThat(this.observations).allSatisfy((o) -> assertThat(o.date()).isBetween(TODAY.minusDays(179), TODAY));
	}

	@Test
	void isTheSameEveryTime() {
		assertThat(DemoSeeder.demoObservations(TODAY)).isEqualTo(this.observations);
	}

	@Test
	void writesPlainJsonWithADotAsDecimalSeparator() {
		assertThat(new DemoSeeder.Observation("acme", "nps", "survey", TODAY, -12.5).toJson()).isEqualTo(
				"{\"brand\":\"acme\",\"metric\":\"nps\",\"channel\":\"survey\",\"date\":\"2026-11-26\",\"value\":-12.50}");
	}

	@Test
	void givesTheVanityTrapBrandAOneDayFollowerSpike() {
		List<Double> followers = this.observations.stream()
			.filter((o) -> o.brand().equals("glitter-gadgets") && o.metric().equals("followers"))
			.map(DemoSeeder.Observation::value)
			.toList();
		double spike = followers.get(168) - followers.get(167);
		double usualDailyGain = followers.get(100) - followers.get(99);
		assertThat(spike).isGreaterThan(14_000);
		assertThat(Math.abs(usualDailyGain)).isLessThan(1_000);
	}

}
