package io.brandsignal.ingest.observation;

import java.util.List;

/**
 * At least one item of a batch is invalid, so none of it is published; carries the first problems found
 * and how many there were in all.
 */
public class InvalidBatchException extends RuntimeException {

	private final List<ItemError> errors;

	private final int total;

	/** Every problem, all of them listed. */
	public InvalidBatchException(List<ItemError> errors) {
		this(errors, errors.size());
	}

	/**
	 * The first problems and the count of all.
	 * @param listed the problems to list, in body order
	 * @param total how many problems there were, at least as many as listed
	 */
	public InvalidBatchException(List<ItemError> listed, int total) {
		super(total + " problem(s) in the batch" + ((listed.size() < total) ? ", the first " + listed.size() + " listed" : "")
				+ "; nothing of it was published");
		this.errors = List.copyOf(listed);
		this.total = total;
	}

	/** The listed problems, in body order. */
	public List<ItemError> errors() {
		return this.errors;
	}

	/** How many problems the batch has, listed or not. */
	public int total() {
		return this.total;
	}

}
