package io.brandsignal.scoring.cells;

import java.time.Instant;

/**
 * The value of one daily cell, with the time ingest accepted it: the later wins.
 *
 * @param value the cell's value
 * @param receivedAt when ingest accepted the observation that wrote it
 */
record CellValue(double value, Instant receivedAt) {

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

}
