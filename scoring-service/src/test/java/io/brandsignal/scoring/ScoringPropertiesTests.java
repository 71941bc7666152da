package io.brandsignal.scoring;

import java.time.Duration;
import java.util.Map;

import io.brandsignal.scoring.campaign.LiftRules;
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

		assertThat(properties.recomputeQuietPeriod()).isEqualTo(Duration.ofMillis(40));
		assertThat(properties.recomputeInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.maxRecomputeDelay()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.cachedBrands()).isEqualTo(512);
		ScoringRules rules = properties.rules();
		assertThat(rules).isEqualTo(ScoringRules.defaults());
		assertThat(rules.window().days()).isEqualTo(28);
		assertThat(rules.window().lookbackDays()).isEqualTo(180);
		assertThat(rules.growth().confidence()).isEqualTo(0.95);
		assertThat(rules.evidence().maxLagDays()).isEqualTo(21);
		assertThat(rules.spikes().threshold()).isEqualTo(6.0);
	}

	@Test
	void bindsOverriddenThresholdsOntoTheirGroups() {
		ScoringProperties properties = bind(Map.of("brandsignal.scoring.window.days", "14",
				"brandsignal.scoring.growth.vanity-threshold-percent", "10", "brandsignal.scoring.recompute-interval",
				"250ms", "brandsignal.scoring.ledger.max-staleness-days", "120"));

		assertThat(properties.rules().window().days()).isEqualTo(14);
		assertThat(properties.rules().window().lookbackDays()).isEqualTo(180);
		assertThat(properties.rules().growth().vanityThresholdPercent()).isEqualTo(10.0);
		assertThat(properties.rules().growth().outcomeThresholdPercent()).isEqualTo(5.0);
		assertThat(properties.rules().ledger().maxStalenessDays()).isEqualTo(120);
		assertThat(properties.recomputeInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void bindsTheCampaignLiftSettingsUnderCampaigns() {
		assertThat(bind(Map.of()).campaigns()).isEqualTo(LiftRules.defaults());

		LiftRules campaigns = bind(Map.of("brandsignal.scoring.campaigns.carry-over-days", "7",
				"brandsignal.scoring.campaigns.fit-days", "120")).campaigns();

		assertThat(campaigns.carryOverDays()).isEqualTo(7);
		assertThat(campaigns.fitDays()).isEqualTo(120);
		assertThat(campaigns.minPreDays()).isEqualTo(28);
		assertThatThrownBy(() -> bind(Map.of("brandsignal.scoring.campaigns.fit-days", "20")))
			.hasStackTraceContaining("campaigns.fit-days");
	}

	@Test
	void rejectsAQuietPeriodLongerThanTheRecomputeInterval() {
		assertThatThrownBy(() -> bind(Map.of("brandsignal.scoring.recompute-quiet-period", "2s")))
			.hasStackTraceContaining("recompute-quiet-period");
	}

	@Test
	void rejectsInconsistentThresholds() {
		assertThatThrownBy(() -> bind(Map.of("brandsignal.scoring.window.lookback-days", "10")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.rootCause()
			.hasMessageContaining("lookback-days");
	}

}
