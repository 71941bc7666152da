package io.brandsignal.contract.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationRecordedSerializerTests {

	private final ObservationRecordedSerializer serializer = new ObservationRecordedSerializer();

	/** Jackson's own serde for the record, configured as the contract's topics configure it. */
	private final JacksonJsonSerde<ObservationRecorded> jackson = new JacksonJsonSerde<>(ObservationRecorded.class)
		.noTypeInfo()
		.ignoreTypeHeaders();

	@Test
	void writesTheDocumentedJsonForAnObservation() {
		ObservationRecorded observation = new ObservationRecorded("acme", "followers", "instagram",
				LocalDate.of(2026, 3, 9), 12500.0, Instant.parse("2026-03-10T08:05:03.120Z"), "crm-sync");

		assertThat(new String(this.serializer.serialize("t", observation), StandardCharsets.UTF_8))
			.isEqualTo("{\"brand\":\"acme\",\"metric\":\"followers\",\"channel\":\"instagram\",\"date\":\"2026-03-09\","
					+ "\"value\":12500.0,\"receivedAt\":\"2026-03-10T08:05:03.120Z\",\"source\":\"crm-sync\"}");
	}

	@Test
	void writesExactlyWhatJacksonWritesForRandomObservations() {
		Serializer<ObservationRecorded> reference = this.jackson.serializer();
		Random random = new Random(20261130);
		for (int i = 0; i < 20_000; i++) {
			ObservationRecorded observation = randomObservation(random);
			assertThat(new String(this.serializer.serialize("t", observation), StandardCharsets.UTF_8))
				.as("observation %s", observation)
				.isEqualTo(new String(reference.serialize("t", observation), StandardCharsets.UTF_8));
		}
	}

	@Test
	void readsBackAsTheSameObservationThroughTheTopicsDeserializer() {
		Deserializer<ObservationRecorded> reader = this.jackson.deserializer();
		Random random = new Random(7);
		for (int i = 0; i < 5_000; i++) {
			ObservationRecorded observation = randomObservation(random);
			assertThat(reader.deserialize("t", this.serializer.serialize("t", observation))).isEqualTo(observation);
		}
	}

	@Test
	void escapesQuotesBackslashesControlCharactersAndKeepsUnicodeInSourceNames() {
		ObservationRecorded observation = new ObservationRecorded("b", "m", "c", LocalDate.of(2000, 1, 1), -0.5,
				Instant.EPOCH, "key \"q\" \\ \n\t\u0001 é € 😀");

		assertThat(new String(this.serializer.serialize("t", observation), StandardCharsets.UTF_8))
			.endsWith("\"receivedAt\":\"1970-01-01T00:00:00Z\",\"source\":\"key \\\"q\\\" \\\\ \\n\\t\\u0001 é € 😀\"}")
			.isEqualTo(new String(this.jackson.serializer().serialize("t", observation), StandardCharsets.UTF_8));
	}

	private static ObservationRecorded randomObservation(Random random) {
		double value = switch (random.nextInt(5)) {
			case 0 -> random.nextInt(1_000_000);
			case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
			case 2 -> -random.nextDouble();
			case 3 -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
			default -> 0.0;
		};
		int nanos = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
		Instant receivedAt = Instant.ofEpochSecond(946_684_800L + random.nextInt(1_200_000_000), nanos);
		LocalDate date = LocalDate.ofEpochDay(10_957 + random.nextInt(12_000));
		return new ObservationRecorded(slug(random), "metric_" + random.nextInt(40), slug(random), date, value,
				receivedAt, (random.nextInt(10) == 0) ? "Key \"" + random.nextInt() + "\" ü" : slug(random));
	}

	private static String slug(Random random) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-";
		StringBuilder slug = new StringBuilder().append(alphabet.charAt(random.nextInt(36)));
		for (int i = random.nextInt(64); i > 0; i--) {
			slug.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return slug.toString();
	}

}
