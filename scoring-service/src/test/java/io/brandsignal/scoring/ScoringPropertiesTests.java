package io.brandsignal.scoring;

import java.time.Duration;
import java.util.Map;

import io.brandsignal.scoring.scorecard.ScoringRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringPropertiesTests {

	private static ScoringProperties bind(Map<String, String> properties) {
		return ServiceDefaults.scoring(properties);
	}

	@Test
	void bindsTheDocumentedDefaults() {
		ScoringProperties properties = bind(Map.of());

		assertThat(properties.recomputeInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.maxRecomputeDelay()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.rules()).isEqualTo(ScoringRules.defaults());
		assertThat(properties.cachedBrands()).isEqualTo(512);
	}

	@Test
	void bindsOverriddenThresholds() {
		ScoringProperties properties = bind(Map.of("brandsignal.scoring.window-days", "14",
				"brandsignal.scoring.vanity-growth-threshold-percent", "10", "brandsignal.scoring.recompute-interval",
				"250ms"));

		assertThat(properties.rules().windowDays()).isEqualTo(14);
		assertThat(properties.rules().vanityGrowthThresholdPercent()).isEqualTo(10.0);
		assertThat(properties.recomputeInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void rejectsInconsistentThresholds() {
		assertThatThrownBy(() -> bind(Map.of("brandsignal.scoring.lookback-days", "10")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.rootCause()
			.hasMessageContaining("lookbackDays");
	}

}
