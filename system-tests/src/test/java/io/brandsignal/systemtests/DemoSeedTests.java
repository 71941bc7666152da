package io.brandsignal.systemtests;

import java.util.Map;

import io.brandsignal.launcher.DemoSeeder;
import io.brandsignal.launcher.LocalStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} promises one brand per verdict with meaningful history; this holds it to that through
 * the real ingest API, scoring and dashboard, with each side's trend shown with its uncertainty.
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
		JsonNode builder = SystemTestStack.awaitScorecard(stack, "northwind-coffee", "BRAND_BUILDER");
		assertThat(builder.path("vanitySummary").asString()).startsWith("Audience: up — +").contains(" % ± ");
		assertThat(builder.path("outcomeSummary").asString()).startsWith("Outcomes: up — +").contains(" % ± ");
		assertThat(builder.path("outcomeGrowthPercent").asDouble())
			.isGreaterThan(builder.path("outcomeMarginPercent").asDouble());
		assertThat(SystemTestStack.awaitScorecard(stack, "fading-fashion", "DECLINING").path("outcomeSummary").asString())
			.startsWith("Outcomes: down — -");
		assertThat(SystemTestStack.awaitScorecard(stack, "steady-state-tea", "STEADY").path("outcomeSummary").asString())
			.startsWith("Outcomes: flat — ");
		// the demo's two campaigns, each with spend: one bought attention, one moved sales
		assertThat(SystemTestStack.awaitCampaign(stack, "glitter-gadgets", "follower-giveaway", "BOUGHT_ATTENTION")
			.path("costs")
			.findValuesAsString("metric")).contains("followers");
		SystemTestStack.awaitCampaign(stack, "steady-state-tea", "spring-promotion", "MOVED_OUTCOMES");
		assertThat(SystemTestStack.awaitScorecard(stack, "new-kid-cola", "INSUFFICIENT_DATA")
			.path("outcomeSummary")
			.asString()).isEqualTo("Outcomes: unknown — no outcome metric reported");
	}

}
