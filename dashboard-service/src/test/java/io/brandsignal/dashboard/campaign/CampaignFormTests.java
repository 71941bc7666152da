package io.brandsignal.dashboard.campaign;

import java.time.Instant;

import io.brandsignal.contract.campaign.CampaignKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFormTests {

	private static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");

	@Test
	void readsAValidFormAsTheCampaignItDefines() {
		CampaignForm form = new CampaignForm(" spring ", "Spring giveaway", "GIVEAWAY", "2026-03-01", "2026-03-10",
				"Instagram, tiktok  facebook", "1200.50", "EUR", "");

		CampaignForm.Parsed parsed = form.toCampaign("acme", NOW, "ann");

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.campaign().key()).isEqualTo("acme|spring");
		assertThat(parsed.campaign().kind()).isEqualTo(CampaignKind.GIVEAWAY);
		assertThat(parsed.campaign().channels()).containsExactly("instagram", "tiktok", "facebook");
		assertThat(parsed.campaign().spend()).isEqualByComparingTo("1200.50");
		assertThat(parsed.campaign().note()).isNull();
		assertThat(parsed.campaign().source()).isEqualTo("ann");
		assertThat(parsed.campaign().updatedAt()).isEqualTo(NOW);
	}

	@Test
	void reportsWhatCannotBeReadOnceAtItsFieldAndTheRulesAtTheirs() {
		CampaignForm form = new CampaignForm("spring", "Spring", "RADIO", "1 March", "2026-03-10", "all, tv",
				"twelve", "", "");

		CampaignForm.Parsed parsed = form.toCampaign("acme", NOW, "ann");

		assertThat(parsed.campaign()).isNull();
		assertThat(parsed.errors()).containsOnlyKeys("kind", "startDate", "spend", "channels");
		assertThat(parsed.errors().get("startDate")).isEqualTo("must be a date such as 2026-03-01");
		assertThat(parsed.errors().get("spend")).isEqualTo("must be a number such as 1200 or 1200.50");
		assertThat(parsed.errors().get("kind")).startsWith("must be one of");
		assertThat(parsed.errors().get("channels")).contains("must not list 'all' beside other channels");
	}

	@Test
	void refusesTheIdThatIsTheAddressOfTheNewCampaignForm() {
		CampaignForm form = new CampaignForm("new", "New", "OTHER", "2026-03-01", "2026-03-01", "all", "", "", "");

		assertThat(form.toCampaign("acme", NOW, "ann").errors()).containsOnlyKeys("id");
	}

	@Test
	void fillsTheFormWithACampaignForEditing() {
		CampaignForm.Parsed parsed = new CampaignForm("spring", "Spring", "PROMOTION", "2026-03-01", "2026-03-01",
				"tv", "", "", "Two lines\nof note").toCampaign("acme", NOW, "ann");

		assertThat(CampaignForm.of(parsed.campaign())).isEqualTo(new CampaignForm("spring", "Spring", "PROMOTION",
				"2026-03-01", "2026-03-01", "tv", "", "", "Two lines\nof note"));
	}

}
