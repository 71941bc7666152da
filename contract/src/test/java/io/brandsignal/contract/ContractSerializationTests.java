package io.brandsignal.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.brandsignal.contract.catalog.MetricCategory;
import io.brandsignal.contract.catalog.MetricTier;
import io.brandsignal.contract.event.BrandScored;
import io.brandsignal.contract.event.ConversionEvidence;
import io.brandsignal.contract.event.DailyRollup;
import io.brandsignal.contract.event.MetricGrowth;
import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.Trend;
import io.brandsignal.contract.event.Verdict;
import io.brandsignal.contract.topic.Topic;
import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSerializationTests {

	@Test
	void writesObservationAsPlainJsonWithIsoDates() {
		ObservationRecorded observation = new ObservationRecorded("acme", "followers", "instagram",
				LocalDate.of(2026, 11, 20), 120345, Instant.parse("2026-11-21T08:00:00Z"), "crm");
		try (Serde<ObservationRecorded> serde = Topics.OBSERVATIONS.valueSerde()) {
			byte[] bytes = serde.serializer().serialize(Topics.OBSERVATIONS.name(), observation);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"date\":\"2026-11-20\"")
				.contains("\"receivedAt\":\"2026-11-21T08:00:00Z\"")
				.contains("\"value\":120345.0");
			assertThat(serde.deserializer().deserialize(Topics.OBSERVATIONS.name(), bytes)).isEqualTo(observation);
		}
	}

	@Test
	void readsOldObservationJsonThatLacksNewerFields() {
		String json = "{\"brand\":\"acme\",\"metric\":\"likes\",\"channel\":\"all\",\"date\":\"2026-01-02\",\"value\":5,"
				+ "\"someFutureField\":true}";
		try (Serde<ObservationRecorded> serde = Topics.OBSERVATIONS.valueSerde()) {
			ObservationRecorded read = serde.deserializer()
				.deserialize(Topics.OBSERVATIONS.name(), json.getBytes(StandardCharsets.UTF_8));
			assertThat(read.brand()).isEqualTo("acme");
			assertThat(read.metric()).isEqualTo("likes");
			assertThat(read.channel()).isEqualTo("all");
			assertThat(read.date()).isEqualTo(LocalDate.of(2026, 1, 2));
			assertThat(read.value()).isEqualTo(5.0);
		}
	}

	@Test
	void roundTripsScorecardAndRollup() {
		BrandScored scored = new BrandScored("acme", LocalDate.of(2026, 11, 20), 28, Verdict.VANITY_TRAP, 38.0, 4.0,
				Trend.UP, 1.0, 3.0, Trend.FLAT, 90.0, 5.0,
				List.of(new MetricGrowth("followers", MetricCategory.VANITY, MetricTier.OUTPUT, 100.0, 138.0, 38.0, 4.0, 28, 2)),
				ConversionEvidence.insufficient("followers", "sales_revenue", 3), List.of("FOLLOWER_SPIKE"),
				"Followers +38% in 28 days; sales +1%.", Instant.parse("2026-11-21T08:00:00Z"));
		try (Serde<BrandScored> serde = Topics.SCORECARDS.valueSerde()) {
			byte[] bytes = serde.serializer().serialize(Topics.SCORECARDS.name(), scored);
			assertThat(serde.deserializer().deserialize(Topics.SCORECARDS.name(), bytes)).isEqualTo(scored);
		}
		DailyRollup rollup = new DailyRollup("acme", LocalDate.of(2026, 11, 20), Map.of("followers", 138.0),
				Map.of(MetricTier.OUTPUT, 138.0));
		try (Serde<DailyRollup> serde = Topics.DAILY_ROLLUPS.valueSerde()) {
			byte[] bytes = serde.serializer().serialize(Topics.DAILY_ROLLUPS.name(), rollup);
			assertThat(serde.deserializer().deserialize(Topics.DAILY_ROLLUPS.name(), bytes)).isEqualTo(rollup);
		}
	}

	@Test
	void deadLetterTopicsKeepTheBytesOfUnreadableRecordsAsTheyAre() {
		// Not JSON, not UTF-8: what a consumer cannot read is exactly what must reach the dead-letter topic.
		byte[] poison = { '{', (byte) 0xC3, 0x28, 0, '"' };
		for (Topic<byte[]> deadLetters : List.of(Topics.OBSERVATIONS_DEAD_LETTER, Topics.DASHBOARD_DEAD_LETTER)) {
			try (Serde<byte[]> serde = deadLetters.valueSerde()) {
				byte[] written = serde.serializer().serialize(deadLetters.name(), poison);
				assertThat(written).containsExactly(poison);
				assertThat(serde.deserializer().deserialize(deadLetters.name(), written)).containsExactly(poison);
			}
		}
	}

}
