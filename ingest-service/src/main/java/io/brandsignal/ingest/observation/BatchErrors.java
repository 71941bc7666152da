package io.brandsignal.ingest.observation;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one batch, in body order: every one is counted, the first
 * {@link IngestLimits#MAX_LISTED_ERRORS} are kept for the answer, so a body with millions of problems
 * costs no more memory than one with a hundred.
 */
final class BatchErrors {

	private final List<ItemError> listed = new ArrayList<>();

	private int total;

	void addAll(List<ItemError> errors) {
		for (ItemError error : errors) {
			this.total++;
			if (this.listed.size() < IngestLimits.MAX_LISTED_ERRORS) {
				this.listed.add(error);
			}
		}
	}

	boolean isEmpty() {
		return this.total == 0;
	}

	InvalidBatchException toException() {
		return new InvalidBatchException(this.listed, this.total);
	}

}
