package io.brandsignal.scoring.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how this instance rebuilds state from the changelog topics: each state store partition an active
 * task restores, and each standby (or warm-up) copy until it first catches up, with the records read and
 * the time taken. The figures behind the restore times in docs/operations.md, and what an operator
 * watches while a new or wiped instance catches up.
 */
final class RestoreLog implements StateRestoreListener, StandbyUpdateListener {

	private static final Logger logger = LoggerFactory.getLogger(RestoreLog.class);

	private final Map<TopicPartition, Long> restoring = new ConcurrentHashMap<>();

	private final Map<TopicPartition, Standby> standbys = new ConcurrentHashMap<>();

	@Override
	public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
		this.restoring.put(partition, System.nanoTime());
		logger.info("Restoring store {} from {} ({} records to read)", storeName, partition,
				Math.max(0, endingOffset - startingOffset));
	}

	@Override
	public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
		// per batch would flood the log; the start and end lines carry the figures
	}

	@Override
	public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
		Long start = this.restoring.remove(partition);
		logger.info("Restored store {} from {}: {} records in {} ms", storeName, partition, totalRestored,
				(start != null) ? (System.nanoTime() - start) / 1_000_000 : -1);
	}

	@Override
	public void onUpdateStart(TopicPartition partition, String storeName, long startingOffset) {
		this.standbys.put(partition, new Standby(System.nanoTime()));
	}

	@Override
	public void onBatchLoaded(TopicPartition partition, String storeName, TaskId taskId, long batchEndOffset,
			long batchSize, long currentEndOffset) {
		Standby standby = this.standbys.get(partition);
		if (standby == null || standby.caughtUp) {
			return;
		}
		standby.records += batchSize;
		// the end offset lies past the last record by the transaction's commit marker (exactly-once)
		if (currentEndOffset - batchEndOffset <= 2) {
			standby.caughtUp = true;
			logger.info("Standby copy of store {} from {} caught up: {} records in {} ms", storeName, partition,
					standby.records, (System.nanoTime() - standby.started) / 1_000_000);
		}
	}

	@Override
	public void onUpdateSuspended(TopicPartition partition, String storeName, long storeOffset, long currentEndOffset,
			SuspendReason reason) {
		this.standbys.remove(partition);
	}

	/** A standby copy being brought up to date; touched only by the thread that updates standbys. */
	private static final class Standby {

		private final long started;

		private long records;

		private boolean caughtUp;

		Standby(long started) {
			this.started = started;
		}

	}

}
