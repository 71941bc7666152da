package io.brandsignal.ingest.observation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one item of a batch, as listed in a {@code 422} problem body. JSON items are named
 * by their {@code index} in the {@code observations} array, CSV rows by their {@code line} in the file
 * (the header is line 1).
 *
 * @param index zero-based position in the JSON array, or {@code null} for CSV or the whole body
 * @param line one-based CSV line, or {@code null} for JSON
 * @param field the offending field or column, or {@code null} when the item as a whole is wrong
 * @param message what is wrong, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemError(Integer index, Integer line, String field, String message) {

	/** An error of the item at {@code location}. */
	public static ItemError at(ItemLocation location, String field, String message) {
		return new ItemError(location.index(), location.line(), field, message);
	}

}
