package io.brandsignal.systemtests;

import java.util.Map;

import io.brandsignal.launcher.DemoSeeder;
import io.brandsignal.launcher.LocalStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} promises one brand per verdict with meaningful history; this holds it to that through
 * the real ingest API, scoring and dashboard.
 */
class DemoSeedTests {

	@Test
	void seedsOneBrandPerVerdict() {
		LocalStack stack = SystemTestStack.get();
		new DemoSeeder(stack.ingestUrl(), SystemTestStack.CREDENTIALS.apiKey()).seed((line) -> {
		});
		Map<String, String> expected = Map.of("northwind-coffee", "BRAND_BUILDER", "glitter-gadgets", "VANITY_TRAP",
				"oak-and-iron", "QUIET_PERFORMER", "fading-fashion", "DECLINING", "steady-state-tea", "STEADY",
				"new-kid-cola", "INSUFFICIENT_DATA");
		expected.forEach((brand, verdict) -> SystemTestStack.awaitScorecard(stack, brand, verdict));
		assertThat(SystemTestStack.awaitScorecard(stack, "glitter-gadgets", "VANITY_TRAP").get("flags").toString())
			.contains("FOLLOWER_SPIKE");
	}

}
