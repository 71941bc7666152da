package io.brandsignal.ingest.observation;

/**
 * Where an item sits in the request body, so errors can point at it.
 *
 * @param index zero-based position in a JSON array, or {@code null}
 * @param line one-based line of a CSV file, or {@code null}
 */
public record ItemLocation(Integer index, Integer line) {

	/** The item at this position of a JSON array. */
	public static ItemLocation index(int index) {
		return new ItemLocation(index, null);
	}

	/** The CSV record starting on this line. */
	public static ItemLocation line(int line) {
		return new ItemLocation(null, line);
	}

	/** The body as a whole, not one item. */
	public static ItemLocation body() {
		return new ItemLocation(null, null);
	}

}
