package io.brandsignal.scoring.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.brandsignal.contract.campaign.CampaignDefined;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts a campaign keyed {@code brand|id} on the partition its brand's observations (keyed {@code brand}) are on:
 * the default partitioner's murmur2 hash of the brand's key bytes, modulo the partition count. The campaign
 * keeps its own key, so a tombstone still names the campaign it deletes; the re-partition topic has the
 * campaigns topic's partition count, which equals the observations topic's when both are provisioned from
 * {@code brandsignal.topics.partitions} (docs/scoring.md, "Processing").
 */
final class CampaignPartitioner implements StreamPartitioner<String, byte[]> {

	@Override
	public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
		byte[] brand = CampaignDefined.brandOfKey(key).getBytes(StandardCharsets.UTF_8);
		return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(brand)) % numPartitions));
	}

}
