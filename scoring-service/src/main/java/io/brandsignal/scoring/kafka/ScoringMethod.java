package io.brandsignal.scoring.kafka;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which version of the scoring method (the math from cells to scorecard) a stream task's scorecards
 * were last computed with, kept per task in its own changelogged store. A brand's scorecard is only
 * recomputed when its data changes, so after a method change a task that finds another version
 * rescores every brand it holds once ({@link ScoringProcessor}), and records the current one.
 */
final class ScoringMethod {

	/**
	 * The current version. Raise it with every change of the method or of the scorecard contract that
	 * should reach brands whose data does not change. 1: the first method (no version stored); 2:
	 * channel-aware ledger, growth with its margin (scorecards v2).
	 */
	static final int VERSION = 2;

	/** The one key of the store. */
	static final String KEY = "version";

	private final KeyValueStore<String, Integer> store;

	ScoringMethod(KeyValueStore<String, Integer> store) {
		this.store = store;
	}

	/**
	 * Whether the task's scorecards may have been computed with another method: an older one, none
	 * recorded (the first method kept no version), or a newer one after a rollback.
	 */
	boolean outdated() {
		Integer stored = this.store.get(KEY);
		return stored == null || stored != VERSION;
	}

	/** Records that the task's brands are (or are about to be) scored with the current method. */
	void recordCurrent() {
		this.store.put(KEY, VERSION);
	}

}
