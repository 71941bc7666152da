package io.brandsignal.scoring.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.brandsignal.contract.campaign.CampaignDefined;
import io.brandsignal.contract.campaign.CampaignRules;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.campaign.CampaignScorer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One stream task's campaigns, as last defined, in a changelogged store keyed {@code brand|id} with the
 * definition's JSON as read: one brand's campaigns are one prefix scan. Only valid definitions get here
 * ({@link CampaignIntake}).
 */
final class BrandCampaigns {

	/**
	 * The version of the campaign method (lift, verdict, cost, the published form): part of every brand's
	 * {@link Campaigns#digest}, so raising it recomputes each campaign at its brand's next recompute.
	 */
	static final int METHOD_VERSION = 1;

	private final KeyValueStore<String, byte[]> store;

	private final Deserializer<CampaignDefined> campaigns = Topics.CAMPAIGNS.valueSerde().deserializer();

	BrandCampaigns(KeyValueStore<String, byte[]> store) {
		this.store = store;
	}

	/**
	 * Stores a definition.
	 * @return whether it differs from the one stored
	 */
	boolean define(String key, byte[] definition) {
		if (Arrays.equals(this.store.get(key), definition)) {
			return false;
		}
		this.store.put(key, definition);
		return true;
	}

	/**
	 * Whether storing a campaign under this key would take its brand beyond
	 * {@link CampaignRules#MAX_CAMPAIGNS_PER_BRAND}: a new campaign of a brand that has that many already.
	 */
	boolean wouldExceedLimit(String key) {
		if (this.store.get(key) != null) {
			return false;
		}
		int count = 0;
		try (KeyValueIterator<String, byte[]> all = this.store.prefixScan(
				CampaignDefined.key(CampaignDefined.brandOfKey(key), ""), new StringSerializer())) {
			while (all.hasNext() && count < CampaignRules.MAX_CAMPAIGNS_PER_BRAND) {
				all.next();
				count++;
			}
		}
		return count >= CampaignRules.MAX_CAMPAIGNS_PER_BRAND;
	}

	/**
	 * Forgets a campaign.
	 * @return whether there was one
	 */
	boolean delete(String key) {
		return this.store.delete(key) != null;
	}

	/** The brand's campaigns in id order, with a digest of their definitions and the method version. */
	Campaigns of(String brand) {
		List<CampaignDefined> defined = new ArrayList<>();
		MessageDigest digest = CampaignScorer.sha256();
		digest.update(Integer.toString(METHOD_VERSION).getBytes(StandardCharsets.UTF_8));
		try (KeyValueIterator<String, byte[]> all = this.store.prefixScan(CampaignDefined.key(brand, ""),
				new StringSerializer())) {
			all.forEachRemaining((campaign) -> {
				defined.add(this.campaigns.deserialize(Topics.CAMPAIGNS.name(), campaign.value));
				digest.update(campaign.value);
			});
		}
		return new Campaigns(defined, digest.digest());
	}

	/**
	 * A brand's campaigns.
	 *
	 * @param campaigns the definitions, in id order
	 * @param digest SHA-256 of the method version and every definition: when it changes, every campaign of the
	 * brand is recomputed (one campaign's days change the others' pre-periods and overlaps)
	 */
	record Campaigns(List<CampaignDefined> campaigns, byte[] digest) {
	}

}
