package io.brandsignal.scoring.kafka;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;

import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.topic.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What one stream task last published per campaign (store keyed {@code brand|id}): the digest of the brand's
 * campaign definitions it was computed from and the digest of the result without its time, to recompute a
 * campaign only when its inputs may have changed and to publish a result only when it did.
 */
final class PublishedCampaigns {

	private static final int DIGEST = 32;

	private final KeyValueStore<String, byte[]> store;

	private final Serializer<CampaignScored> results = Topics.CAMPAIGN_RESULTS.valueSerde().serializer();

	PublishedCampaigns(KeyValueStore<String, byte[]> store) {
		this.store = store;
	}

	/**
	 * Whether a campaign's result may be out of date: none published yet, the brand's campaigns changed since
	 * ({@code definitions} differs), or a day on or before the end of its effect changed. Data after that day
	 * cannot change a result, which is scored as of it ({@link io.brandsignal.scoring.campaign.CampaignScorer}).
	 * @param key the campaign's key
	 * @param definitions the digest of the brand's campaign definitions
	 * @param changedSince the earliest day whose cells changed
	 * @param effectEnd the last day of the campaign's carry-over
	 */
	boolean stale(String key, byte[] definitions, LocalDate changedSince, LocalDate effectEnd) {
		byte[] published = this.store.get(key);
		return published == null || !Arrays.equals(published, 0, DIGEST, definitions, 0, DIGEST)
				|| !changedSince.isAfter(effectEnd);
	}

	/**
	 * Records a computed result.
	 * @param definitions the digest of the brand's campaign definitions it was computed from
	 * @return whether it differs from the last one published (apart from its time), and so is to be published
	 */
	boolean changed(String key, byte[] definitions, CampaignScored result) {
		byte[] published = this.store.get(key);
		byte[] content = contentDigest(result);
		byte[] entry = Arrays.copyOf(definitions, 2 * DIGEST);
		System.arraycopy(content, 0, entry, DIGEST, DIGEST);
		if (Arrays.equals(published, entry)) {
			return false;
		}
		this.store.put(key, entry);
		return published == null || !Arrays.equals(published, DIGEST, 2 * DIGEST, content, 0, DIGEST);
	}

	/**
	 * Forgets a deleted campaign.
	 * @return whether a result of it was published, which a tombstone is to replace
	 */
	boolean forget(String key) {
		return this.store.delete(key) != null;
	}

	private byte[] contentDigest(CampaignScored result) {
		CampaignScored timeless = new CampaignScored(result.brand(), result.campaignId(), result.name(), result.kind(),
				result.startDate(), result.endDate(), result.carryOverDays(), result.asOf(), result.verdict(),
				result.explanation(), result.metrics(), result.spend(), result.currency(), result.costs(),
				result.returnOnSpend(), result.overlaps(), null);
		MessageDigest digest = BrandCampaigns.sha256();
		return digest.digest(this.results.serialize(Topics.CAMPAIGN_RESULTS.name(), timeless));
	}

}
