package io.brandsignal.scoring.kafka;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value of one daily cell in the state store, with the time ingest accepted it (the later wins).
 * Stored in a fixed 20-byte form: the cell store is written once per observation, so it stays small
 * and fast.
 *
 * @param value the cell's value
 * @param receivedAt when ingest accepted the observation that wrote it
 */
record CellValue(double value, Instant receivedAt) {

	private static final int SIZE = Double.BYTES + Long.BYTES + Integer.BYTES;

	/**
	 * Whether this write should replace {@code current}: a later {@code receivedAt} wins; on a tie the
	 * larger value wins, so the outcome never depends on the order records arrive in.
	 */
	boolean supersedes(CellValue current) {
		if (current == null) {
			return true;
		}
		int byTime = this.receivedAt.compareTo(current.receivedAt);
		return (byTime != 0) ? byTime > 0 : Double.compare(this.value, current.value) > 0;
	}

	static Serde<CellValue> serde() {
		Serializer<CellValue> serializer = (topic, cell) -> {
			if (cell == null) {
				return null;
			}
			return ByteBuffer.allocate(SIZE)
				.putDouble(cell.value)
				.putLong(cell.receivedAt.getEpochSecond())
				.putInt(cell.receivedAt.getNano())
				.array();
		};
		Deserializer<CellValue> deserializer = (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			double value = buffer.getDouble();
			return new CellValue(value, Instant.ofEpochSecond(buffer.getLong(), buffer.getInt()));
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
