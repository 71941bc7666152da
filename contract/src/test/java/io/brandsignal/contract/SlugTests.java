package io.brandsignal.contract;

import java.util.Random;
import java.util.regex.Pattern;

import io.brandsignal.contract.event.ObservationRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brand and channel names: the hand-written check consumers run on every record agrees with the
 * documented regular expression.
 */
class SlugTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "0", "acme", "acme-eu", "acme_eu", "9lives", "a-", "a_" })
	void acceptsLowercaseSlugs(String name) {
		assertThat(ObservationRecorded.isSlug(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-acme", "_acme", "Acme", "ac me", "acme|eu", "acmé", "acme.eu", "acme/eu" })
	void refusesAnythingElse(String name) {
		assertThat(ObservationRecorded.isSlug(name)).isFalse();
	}

	@Test
	void refusesNullAndNamesLongerThan64() {
		assertThat(ObservationRecorded.isSlug(null)).isFalse();
		assertThat(ObservationRecorded.isSlug("a".repeat(64))).isTrue();
		assertThat(ObservationRecorded.isSlug("a".repeat(65))).isFalse();
	}

	@Test
	void agreesWithTheRegularExpression() {
		Pattern slug = Pattern.compile(ObservationRecorded.SLUG);
		String alphabet = "az09_-AZ |.é";
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder name = new StringBuilder();
			int length = random.nextInt(70);
			for (int c = 0; c < length; c++) {
				name.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(ObservationRecorded.isSlug(name.toString())).as(name.toString())
				.isEqualTo(slug.matcher(name).matches());
		}
	}

}
