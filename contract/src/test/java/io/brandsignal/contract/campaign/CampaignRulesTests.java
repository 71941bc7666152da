package io.brandsignal.contract.campaign;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The campaign rules ingest, scoring and the dashboard share, at their edges. Defined 2026-11-20 10:00 UTC,
 * so the latest end is 2028-11-20.
 */
class CampaignRulesTests {

	private static final Instant DEFINED = Instant.parse("2026-11-20T10:00:00Z");

	private static final CampaignDefined GIVEAWAY = new CampaignDefined("acme", "spring-giveaway-2026",
			"Spring giveaway", CampaignKind.GIVEAWAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14),
			List.of("instagram", "tiktok"), new BigDecimal("4800.50"), "EUR", "Prize: a bike", DEFINED, "shop");

	@Test
	void acceptsAValidCampaign() {
		assertThat(CampaignRules.problems(GIVEAWAY)).isEmpty();
	}

	@Test
	void refusesEndBeforeStart() {
		CampaignDefined backwards = dates(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 13));
		assertThat(CampaignRules.problems(backwards))
			.containsExactly(new FieldProblem("endDate", "must be on or after startDate 2026-03-14, was 2026-03-13"));
		assertThat(CampaignRules.problems(dates(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 14))))
			.as("a one-day campaign").isEmpty();
	}

	@Test
	void limitsACampaignTo366DaysCountingBothEnds() {
		// 2027-01-01 .. 2028-01-01 is 365 + 1 = 366 days (2027 is no leap year); one more is 367.
		assertThat(CampaignRules.problems(dates(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1)))).isEmpty();
		assertThat(CampaignRules.problems(dates(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 2))))
			.containsExactly(new FieldProblem("endDate",
					"must keep the campaign to 366 days, both ends counted (at the latest 2028-01-01), was 2028-01-02 (367 days)"));
	}

	@Test
	void datesRunFrom2000ToTwoYearsAfterTheDefinition() {
		assertThat(CampaignRules.problems(dates(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 5))))
			.containsExactly(new FieldProblem("startDate", "must be between 2000-01-01 and 2028-11-20, was 1999-12-31"));
		assertThat(CampaignRules.problems(dates(LocalDate.of(2028, 11, 1), LocalDate.of(2028, 11, 20)))).isEmpty();
		assertThat(CampaignRules.problems(dates(LocalDate.of(2028, 11, 1), LocalDate.of(2028, 11, 21))))
			.containsExactly(new FieldProblem("endDate", "must be at most 2 years ahead (2028-11-20), was 2028-11-21"));
		assertThat(CampaignRules.problems(dates(null, null))).containsExactly(
				new FieldProblem("startDate", "is required"), new FieldProblem("endDate", "is required"));
	}

	@Test
	void refusesSpendWithoutCurrencyAndCurrencyWithoutSpend() {
		assertThat(CampaignRules.problems(spend(new BigDecimal("100"), null)))
			.containsExactly(new FieldProblem("currency", "is required when spend is given"));
		assertThat(CampaignRules.problems(spend(null, "EUR")))
			.containsExactly(new FieldProblem("currency", "must be given only with spend"));
		assertThat(CampaignRules.problems(spend(null, null))).as("spend is optional").isEmpty();
	}

	@Test
	void refusesCurrenciesThatAreNoIso4217Codes() {
		assertThat(CampaignRules.problems(spend(BigDecimal.TEN, "eur"))).containsExactly(new FieldProblem("currency",
				"must be an ISO 4217 currency code in capitals such as EUR or USD, was 'eur'"));
		assertThat(CampaignRules.problems(spend(BigDecimal.TEN, "EURO"))).extracting(FieldProblem::field)
			.containsExactly("currency");
		assertThat(CampaignRules.problems(spend(BigDecimal.TEN, "XYZ"))).extracting(FieldProblem::field)
			.containsExactly("currency");
		assertThat(CampaignRules.problems(spend(BigDecimal.TEN, "JPY"))).isEmpty();
	}

	@Test
	void boundsSpendToNonNegativeAmountsInTheCurrencysMinorUnits() {
		assertThat(CampaignRules.problems(spend(new BigDecimal("-0.01"), "EUR")))
			.containsExactly(new FieldProblem("spend", "must be at least 0, was -0.01"));
		assertThat(CampaignRules.problems(spend(BigDecimal.ZERO, "EUR"))).isEmpty();
		// EUR has cents: 12.345 is a tenth of a cent; 12.340 is 12.34 with a trailing zero.
		assertThat(CampaignRules.problems(spend(new BigDecimal("12.345"), "EUR")))
			.containsExactly(new FieldProblem("spend", "must have at most 2 decimal place(s) in EUR, was 12.345"));
		assertThat(CampaignRules.problems(spend(new BigDecimal("12.340"), "EUR"))).isEmpty();
		// JPY has no minor unit, the Bahraini dinar three.
		assertThat(CampaignRules.problems(spend(new BigDecimal("1000.5"), "JPY")))
			.containsExactly(new FieldProblem("spend", "must have at most 0 decimal place(s) in JPY, was 1000.5"));
		assertThat(CampaignRules.problems(spend(new BigDecimal("1.125"), "BHD"))).isEmpty();
		// 999,999,999,999.99 has 12 digits before the point; 10^12 has 13.
		assertThat(CampaignRules.problems(spend(new BigDecimal("999999999999.99"), "EUR"))).isEmpty();
		assertThat(CampaignRules.problems(spend(new BigDecimal("1E+12"), "EUR")))
			.containsExactly(new FieldProblem("spend", "must be below 1000000000000, was 1E+12"));
	}

	@Test
	void boundsNameAndNote() {
		assertThat(CampaignRules.nameProblem("x".repeat(120))).isNull();
		assertThat(CampaignRules.nameProblem("x".repeat(121))).isEqualTo("must be at most 120 characters, was 121");
		assertThat(CampaignRules.nameProblem("  ")).isEqualTo("must not be blank");
		assertThat(CampaignRules.nameProblem(null)).isEqualTo("is required");
		assertThat(CampaignRules.nameProblem("two\nlines")).isEqualTo("must be one line without control characters");
		assertThat(CampaignRules.noteProblem(null)).isNull();
		assertThat(CampaignRules.noteProblem("line one\nline two\twith a tab")).isNull();
		assertThat(CampaignRules.noteProblem("n".repeat(1000))).isNull();
		assertThat(CampaignRules.noteProblem("n".repeat(1001))).isEqualTo("must be at most 1000 characters, was 1001");
		// characters, not UTF-16 units: 1000 emoji are 2000 chars in Java and still fit
		assertThat(CampaignRules.noteProblem("\uD83C\uDF89".repeat(1000))).isNull();
		assertThat(CampaignRules.noteProblem("bell\u0007")).isEqualTo(
				"must not contain control characters other than line breaks and tabs");
	}

	@Test
	void channelsAreOneToTwentyDistinctSlugsWithAllOnlyAlone() {
		assertThat(CampaignRules.channelProblems(List.of("all"))).isEmpty();
		assertThat(CampaignRules.channelProblems(List.of())).extracting(FieldProblem::field).containsExactly("channels");
		List<String> twentyOne = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj((i) -> "c" + i).toList();
		assertThat(CampaignRules.channelProblems(twentyOne.subList(0, 20))).isEmpty();
		assertThat(CampaignRules.channelProblems(twentyOne))
			.containsExactly(new FieldProblem("channels", "must name at most 20 channels, was 21"));
		assertThat(CampaignRules.channelProblems(java.util.Arrays.asList("instagram", "Instagram", "instagram", null)))
			.containsExactly(
					new FieldProblem("channels[1]",
							"must be a lowercase slug matching [a-z0-9][a-z0-9_-]{0,63}, was 'Instagram'"),
					new FieldProblem("channels[2]", "names 'instagram' again"),
					new FieldProblem("channels[3]", "is required"));
		assertThat(CampaignRules.channelProblems(List.of("instagram", "all"))).containsExactly(new FieldProblem(
				"channels", "must not list 'all' beside other channels: it stands for all of them"));
	}

	@Test
	void namesEveryBadFieldOfARecordReadFromTheTopic() {
		CampaignDefined bad = new CampaignDefined("Acme", "", null, null, null, null, Collections.singletonList(null),
				null, null, null, null, "x");
		assertThat(CampaignRules.problems(bad)).extracting(FieldProblem::field)
			.containsExactly("brand", "id", "name", "kind", "updatedAt", "channels[0]");
	}

	@Test
	void keysAreBrandAndIdAndReadBack() {
		assertThat(GIVEAWAY.key()).isEqualTo("acme|spring-giveaway-2026");
		assertThat(CampaignDefined.brandOfKey("acme|spring-giveaway-2026")).isEqualTo("acme");
		assertThat(CampaignDefined.idOfKey("acme|spring-giveaway-2026")).isEqualTo("spring-giveaway-2026");
		assertThatIllegalArgumentException().isThrownBy(() -> CampaignDefined.brandOfKey("acme"));
		assertThatIllegalArgumentException().isThrownBy(() -> CampaignDefined.idOfKey("acme|"));
	}

	@Test
	void travelsAsPlainJsonWithIsoDatesAndAnExactSpend() {
		try (Serde<CampaignDefined> serde = Topics.CAMPAIGNS.valueSerde()) {
			byte[] bytes = serde.serializer().serialize(Topics.CAMPAIGNS.name(), GIVEAWAY);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"kind\":\"GIVEAWAY\"",
					"\"startDate\":\"2026-03-01\"", "\"endDate\":\"2026-03-14\"",
					"\"channels\":[\"instagram\",\"tiktok\"]", "\"spend\":4800.50", "\"currency\":\"EUR\"",
					"\"updatedAt\":\"2026-11-20T10:00:00Z\"");
			assertThat(serde.deserializer().deserialize(Topics.CAMPAIGNS.name(), bytes)).isEqualTo(GIVEAWAY);
		}
		assertThat(Topics.CAMPAIGNS.compacted()).isTrue();
		assertThat(Topics.all()).contains(Topics.CAMPAIGNS);
	}

	private static CampaignDefined dates(LocalDate start, LocalDate end) {
		return new CampaignDefined("acme", "c", "C", CampaignKind.OTHER, start, end, List.of("all"), null, null, null,
				DEFINED, "shop");
	}

	private static CampaignDefined spend(BigDecimal spend, String currency) {
		return new CampaignDefined("acme", "c", "C", CampaignKind.PAID_SOCIAL, LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 5, 31), List.of("facebook"), spend, currency, null, DEFINED, "shop");
	}

}
