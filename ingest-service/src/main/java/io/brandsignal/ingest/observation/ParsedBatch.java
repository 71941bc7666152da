package io.brandsignal.ingest.observation;

import java.util.List;

/**
 * A request body read into items, with any problems that concern the body rather than one item.
 *
 * @param items the items in body order
 * @param bodyErrors problems of the body as a whole (unknown top-level fields, a bad CSV header)
 */
public record ParsedBatch(List<RawObservation> items, List<ItemError> bodyErrors) {

	public ParsedBatch {
		items = List.copyOf(items);
		bodyErrors = List.copyOf(bodyErrors);
	}

}
