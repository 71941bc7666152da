package io.brandsignal.contract.topic;

import java.util.Objects;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import io.brandsignal.contract.event.ObservationRecorded;
import io.brandsignal.contract.event.ObservationRecordedSerializer;

/**
 * One Kafka topic with everything needed to use it: its name, how keys and values are serialized, and
 * whether it is compacted. Keys are always strings. Values are JSON records without type headers, so
 * no service depends on another's class names, except on dead-letter topics ({@link #deadLetter}),
 * whose values are the bytes of the original record exactly as they were read.
 *
 * @param <V> the record type of the values
 * @param name the topic name
 * @param valueType the value record class
 * @param compacted whether the topic keeps only the latest value per key
 */
public record Topic<V>(String name, Class<V> valueType, boolean compacted) {

	public Topic {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(valueType, "valueType");
	}

	/**
	 * A dead-letter topic: values are the raw bytes of records a consumer could not process.
	 * @param name the topic name
	 * @return the topic, with a pass-through byte serde for its values
	 */
	public static Topic<byte[]> deadLetter(String name) {
		return new Topic<>(name, byte[].class, false);
	}

	/** A new serde for the keys. */
	public Serde<String> keySerde() {
		return Serdes.String();
	}

	/**
	 * A new serde for the values: JSON, ignoring and never writing type headers; for byte values (dead
	 * letters) the bytes as they are.
	 */
	@SuppressWarnings("unchecked")
	public Serde<V> valueSerde() {
		if (this.valueType == byte[].class) {
			// JSON would write a byte[] as a base64 string: a dead letter must keep the bytes it was read as.
			return (Serde<V>) Serdes.ByteArray();
		}
		JacksonJsonSerde<V> json = new JacksonJsonSerde<V>(this.valueType).noTypeInfo().ignoreTypeHeaders();
		if (this.valueType == ObservationRecorded.class) {
			// Ingest writes every accepted observation: a hand-written writer of the same JSON costs a fraction.
			return (Serde<V>) Serdes.serdeFrom(new ObservationRecordedSerializer(),
					(Deserializer<ObservationRecorded>) json.deserializer());
		}
		return json;
	}

	/** The declaration the admin client creates the topic from. */
	public NewTopic toNewTopic(int partitions, int replicationFactor) {
		TopicBuilder builder = TopicBuilder.name(this.name).partitions(partitions).replicas(replicationFactor);
		if (this.compacted) {
			builder.compact().config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
		}
		if (replicationFactor > 1) {
			builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
		}
		return builder.build();
	}

}
