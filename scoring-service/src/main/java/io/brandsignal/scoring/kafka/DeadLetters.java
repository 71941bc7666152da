package io.brandsignal.scoring.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends records scoring cannot use (observations, campaigns) to the dead-letter topic from inside the stream task, so they
 * leave in the task's transaction: exactly once, with the record's original bytes, key and headers,
 * plus the reason and where the record came from in Spring Kafka's dead-letter headers. The letter is
 * forwarded as {@code byte[]}; {@link ScoringTopology} routes it to its topic.
 */
final class DeadLetters {

	/** Header with the reason a record was dead-lettered (Spring Kafka's name). */
	static final String REASON_HEADER = KafkaHeaders.DLT_EXCEPTION_MESSAGE;

	private final ProcessorContext<String, Object> context;

	private final ScoringMetrics metrics;

	private final String sourceTopic;

	/**
	 * @param sourceTopic the topic the records are read from, for the meter
	 */
	DeadLetters(ProcessorContext<String, Object> context, ScoringMetrics metrics, String sourceTopic) {
		this.context = context;
		this.metrics = metrics;
		this.sourceTopic = sourceTopic;
	}

	/**
	 * Dead-letters the record being processed.
	 * @param record the record as read
	 * @param reason why scoring cannot use it
	 * @param exception the type of the exception that made it unreadable, {@code null} for an invalid one
	 */
	void send(Record<String, byte[]> record, String reason, Class<?> exception) {
		Headers headers = new RecordHeaders(record.headers().toArray());
		headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		if (exception != null) {
			headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, exception.getName().getBytes(StandardCharsets.UTF_8));
		}
		Optional<RecordMetadata> source = this.context.recordMetadata();
		if (source.isPresent()) {
			headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.get().topic().getBytes(StandardCharsets.UTF_8));
			headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(source.get().partition()).array());
			headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(source.get().offset()).array());
		}
		this.context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers));
		this.metrics.deadLettered(this.sourceTopic);
	}

}
