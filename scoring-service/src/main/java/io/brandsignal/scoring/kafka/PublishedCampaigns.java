package io.brandsignal.scoring.kafka;

import java.time.LocalDate;
import java.util.Arrays;

import io.brandsignal.contract.campaign.CampaignScored;
import io.brandsignal.contract.topic.Topics;
import io.brandsignal.scoring.campaign.CampaignScorer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What one stream task last published per campaign (store keyed {@code brand|id}), as three SHA-256 digests:
 * of the brand's campaign definitions and of the data the result was computed from, to score a campaign again
 * only when one of them changed, and of the result without its time, to publish it only when it changed.
 */
final class PublishedCampaigns {

	private static final int DIGEST = 32;

	private static final int DEFINITIONS = 0;

	private static final int DATA = DIGEST;

	private static final int RESULT = 2 * DIGEST;

	private final KeyValueStore<String, byte[]> store;

	private final Serializer<CampaignScored> results = Topics.CAMPAIGN_RESULTS.valueSerde().serializer();

	PublishedCampaigns(KeyValueStore<String, byte[]> store) {
		this.store = store;
	}

	/**
	 * The cheap first test, without reading the brand's data: whether a campaign's result may be out of date
	 * at all. It is when none was published yet, when the brand's campaigns changed ({@code definitions}
	 * differs), or when a day on or before the end of its carry-over changed: data after that day cannot
	 * change a result, which is scored as of it ({@link CampaignScorer}).
	 * @param key the campaign's key
	 * @param definitions the digest of the brand's campaign definitions
	 * @param changedSince the earliest day whose cells changed
	 * @param effectEnd the last day of the campaign's carry-over
	 */
	boolean mayHaveChanged(String key, byte[] definitions, LocalDate changedSince, LocalDate effectEnd) {
		byte[] published = this.store.get(key);
		return published == null || !same(published, DEFINITIONS, definitions) || !changedSince.isAfter(effectEnd);
	}

	/**
	 * The exact test: whether the definitions or the data differ from those of the last result (a rescore of
	 * every brand, or a replayed day, changes neither).
	 */
	boolean inputsChanged(String key, byte[] definitions, byte[] data) {
		byte[] published = this.store.get(key);
		return published == null || !same(published, DEFINITIONS, definitions) || !same(published, DATA, data);
	}

	/**
	 * Records a computed result.
	 * @param definitions the digest of the brand's campaign definitions it was computed from
	 * @param data the digest of the data it was computed from ({@link CampaignScorer.Inputs#digest})
	 * @return whether it differs from the last one published (apart from its time), and so is to be published
	 */
	boolean record(String key, byte[] definitions, byte[] data, CampaignScored result) {
		byte[] published = this.store.get(key);
		byte[] entry = new byte[3 * DIGEST];
		System.arraycopy(definitions, 0, entry, DEFINITIONS, DIGEST);
		System.arraycopy(data, 0, entry, DATA, DIGEST);
		System.arraycopy(contentDigest(result), 0, entry, RESULT, DIGEST);
		if (!Arrays.equals(published, entry)) {
			this.store.put(key, entry);
		}
		return published == null || !same(published, RESULT, Arrays.copyOfRange(entry, RESULT, RESULT + DIGEST));
	}

	/**
	 * Forgets a deleted campaign.
	 * @return whether a result of it was published, which a tombstone is to replace
	 */
	boolean forget(String key) {
		return this.store.delete(key) != null;
	}

	private static boolean same(byte[] published, int offset, byte[] digest) {
		return published.length == 3 * DIGEST && Arrays.equals(published, offset, offset + DIGEST, digest, 0, DIGEST);
	}

	private byte[] contentDigest(CampaignScored result) {
		CampaignScored timeless = new CampaignScored(result.brand(), result.campaignId(), result.name(), result.kind(),
				result.startDate(), result.endDate(), result.carryOverDays(), result.asOf(), result.verdict(),
				result.explanation(), result.metrics(), result.spend(), result.currency(), result.costs(),
				result.returnOnSpend(), result.overlaps(), null);
		return CampaignScorer.sha256().digest(this.results.serialize(Topics.CAMPAIGN_RESULTS.name(), timeless));
	}

}
