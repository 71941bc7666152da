package io.brandsignal.ingest.observation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One observation as read from the request body, before validation: whatever the caller sent, with
 * {@code null} for absent fields. Problems a reader already found (a JSON string where a number belongs,
 * an unknown field) travel along so the validator neither misses nor repeats them.
 *
 * @param location where the item sits in the body
 * @param brand the brand as sent
 * @param metric the metric as sent
 * @param channel the channel as sent, {@code null} for the default
 * @param date the date as sent
 * @param value the value as sent, exactly
 * @param readErrors problems found while reading the item
 */
public record RawObservation(ItemLocation location, String brand, String metric, String channel, String date,
		BigDecimal value, List<ItemError> readErrors) {

	public RawObservation {
		readErrors = List.copyOf(readErrors);
	}

	/**
	 * Whether the reader already reported a problem with this field, or with the item as a whole (then
	 * its fields are not judged one by one).
	 */
	boolean hasReadError(String field) {
		if (this.readErrors.isEmpty()) {
			return false;
		}
		for (ItemError error : this.readErrors) {
			if (error.field() == null || field.equals(error.field())) {
				return true;
			}
		}
		return false;
	}

}
