package io.brandsignal.dashboard.campaign;

import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignVerdict;

import org.springframework.stereotype.Component;

/** Campaign verdicts and kinds in words, reachable in templates as {@code @campaignWords}. */
@Component("campaignWords")
public class CampaignWords {

	/** The verdict in words. */
	public String label(CampaignVerdict verdict) {
		return CampaignVerdicts.label(verdict);
	}

	/** What the verdict means. */
	public String meaning(CampaignVerdict verdict) {
		return CampaignVerdicts.meaning(verdict);
	}

	/** The kind in words. */
	public String kind(CampaignKind kind) {
		return CampaignVerdicts.kind(kind);
	}

	/** Every kind, in declaration order, for selects. */
	public List<CampaignKind> kinds() {
		return Arrays.asList(CampaignKind.values());
	}

	/** Every verdict, in declaration order, for selects. */
	public List<CampaignVerdict> verdicts() {
		return Arrays.asList(CampaignVerdict.values());
	}

}
