package io.brandsignal.dashboard.campaign;

import io.brandsignal.contract.campaign.CampaignDefined;

/**
 * Writes campaigns that people define or delete in the dashboard to the campaigns topic, where ingest's API
 * writes those of systems; the read model then learns of them from the topic like of any other.
 */
public interface CampaignWriter {

	/**
	 * Writes a campaign's definition, or its deletion, and returns once the broker acknowledged it.
	 * @param key the campaign's key, {@link CampaignDefined#key(String, String)}
	 * @param campaign the definition, or {@code null} for the tombstone that deletes it
	 * @throws CampaignWriteFailedException when the broker did not acknowledge it in time; it may still land,
	 *     which is harmless, since a definition or deletion written again replaces itself
	 */
	void write(String key, CampaignDefined campaign);

}
