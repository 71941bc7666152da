package io.brandsignal.ingest.observation;

import java.util.List;

/**
 * At least one item of a batch is invalid, so none of it is published; carries every problem found.
 */
public class InvalidBatchException extends RuntimeException {

	private final List<ItemError> errors;

	public InvalidBatchException(List<ItemError> errors) {
		super(errors.size() + " problem(s) in the batch; nothing of it was published");
		this.errors = List.copyOf(errors);
	}

	/** Every problem, in body order. */
	public List<ItemError> errors() {
		return this.errors;
	}

}
