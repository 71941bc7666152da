package io.brandsignal.ingest.campaign;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import io.brandsignal.contract.topic.Topics;
import io.brandsignal.ingest.observation.kafka.ObservationTopicReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the campaigns topic from the start the way scoring does ({@code read_committed}), for tests that
 * check what a request left on it: each record's value as the JSON text on the wire, {@code null} for a
 * tombstone.
 */
final class CampaignTopicReader {

	private CampaignTopicReader() {
	}

	/**
	 * The values under one key, in partition order, read until {@code complete} holds for them or the
	 * timeout passes.
	 */
	static List<String> readKey(String bootstrapServers, String key, Predicate<List<String>> complete) {
		return ObservationTopicReader
			.readKey(bootstrapServers, Topics.CAMPAIGNS.name(), key, new ByteArrayDeserializer(),
					(values) -> complete.test(text(values)))
			.stream()
			.map(CampaignTopicReader::text)
			.toList();
	}

	private static List<String> text(List<byte[]> values) {
		return values.stream().map(CampaignTopicReader::text).toList();
	}

	private static String text(byte[] value) {
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

}
