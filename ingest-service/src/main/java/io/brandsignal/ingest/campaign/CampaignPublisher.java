package io.brandsignal.ingest.campaign;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.ingest.observation.PublishFailedException;

/**
 * Publishes campaign definitions and deletions for scoring and the dashboard to read.
 */
public interface CampaignPublisher {

	/**
	 * Publishes a campaign's definition, or its deletion, under its key.
	 * @param key the campaign's key, {@link CampaignDefined#key(String, String)}
	 * @param campaign the definition, or {@code null} for a tombstone that deletes the campaign
	 * @throws PublishFailedException when the broker did not acknowledge the record within the configured
	 *     bound; it may still land, which is harmless: a definition or deletion sent again replaces itself
	 */
	void publish(String key, CampaignDefined campaign);

}
