package io.brandsignal.scoring.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each state store partition this instance restores from its changelog, with the number of records
 * and the time it took: the figures behind the restore times in docs/operations.md, and what an operator
 * watches while a new or wiped instance catches up (active tasks only: standby replicas keep up without
 * a restore).
 */
final class RestoreLog implements StateRestoreListener {

	private static final Logger logger = LoggerFactory.getLogger(RestoreLog.class);

	private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();

	@Override
	public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
		this.started.put(partition, System.nanoTime());
		logger.info("Restoring store {} from {} ({} records to read)", storeName, partition,
				Math.max(0, endingOffset - startingOffset));
	}

	@Override
	public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
		// per batch would flood the log; the start and end lines carry the figures
	}

	@Override
	public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
		Long start = this.started.remove(partition);
		long millis = (start != null) ? (System.nanoTime() - start) / 1_000_000 : -1;
		logger.info("Restored store {} from {}: {} records in {} ms", storeName, partition, totalRestored, millis);
	}

}
