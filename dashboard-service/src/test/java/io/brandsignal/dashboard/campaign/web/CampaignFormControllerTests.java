package io.brandsignal.dashboard.campaign.web;

import java.time.Instant;
import java.util.Optional;

import io.brandsignal.dashboard.CampaignFixtures;
import io.brandsignal.dashboard.WebSliceTest;
import io.brandsignal.dashboard.campaign.CampaignWriteFailedException;
import io.brandsignal.dashboard.campaign.CampaignWriter;
import io.brandsignal.dashboard.campaign.Campaigns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The campaign form when Kafka does not acknowledge: the person is told, the form comes back as typed. (The
 * writes that succeed are tested against the real broker in CampaignIntegrationTests.)
 */
@WebMvcTest(CampaignFormController.class)
@WebSliceTest
class CampaignFormControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Campaigns campaigns;

	@MockitoBean
	private CampaignWriter writer;

	@Test
	@WithMockUser("tester")
	void saysTheCampaignWasNotSavedWhenKafkaDoesNotAcknowledgeIt() throws Exception {
		willThrow(new CampaignWriteFailedException("Kafka did not acknowledge the campaign within 10 s", null))
			.given(this.writer)
			.write(eq("acme|spring"), any());

		this.mvc
			.perform(post("/brands/acme/campaigns").with(csrf())
				.param("id", "spring")
				.param("name", "Spring")
				.param("kind", "GIVEAWAY")
				.param("startDate", "2026-03-01")
				.param("endDate", "2026-03-10")
				.param("channels", "all"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The campaign was not saved: Kafka did not acknowledge")))
			.andExpect(content().string(containsString("Nothing was written")))
			.andExpect(content().string(containsString("value=\"Spring\"")));
	}

	@Test
	@WithMockUser("tester")
	void keepsTheCampaignWhenItsDeletionIsNotAcknowledged() throws Exception {
		given(this.campaigns.definition("acme", "spring"))
			.willReturn(Optional.of(CampaignFixtures.defined("acme", "spring", "Spring", Instant.EPOCH)));
		willThrow(new CampaignWriteFailedException("Kafka did not take the campaign: closed", null)).given(this.writer)
			.write("acme|spring", null);

		this.mvc.perform(post("/brands/acme/campaigns/spring/delete").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The campaign was not deleted: Kafka did not take the campaign")));
	}

	@Test
	@WithMockUser("agent")
	void answersTheFormOfABrandOutsideThePersonsScopeAsUnknown() throws Exception {
		// agent may see acme, globex and solo (config/application.properties)
		this.mvc.perform(get("/brands/initech/campaigns/new")).andExpect(status().isNotFound());
		this.mvc.perform(post("/brands/initech/campaigns").with(csrf()).param("id", "x"))
			.andExpect(status().isNotFound());
	}

}
