package io.brandsignal.dashboard.readmodel;

import io.brandsignal.contract.campaign.CampaignKind;
import io.brandsignal.contract.campaign.CampaignVerdict;

/**
 * Which scored campaigns the portfolio shows, applied by the database.
 *
 * @param kind only campaigns of this kind, or {@code null} for all
 * @param verdict only campaigns with this verdict, or {@code null} for all
 */
public record CampaignFilter(CampaignKind kind, CampaignVerdict verdict) {

	/** Every campaign. */
	public static final CampaignFilter NONE = new CampaignFilter(null, null);

}
