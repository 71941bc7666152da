package io.brandsignal.ingest.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.brandsignal.ingest.observation.ItemError;

/**
 * A campaign as read from a request body, before validation: whatever the caller sent, with {@code null}
 * for absent fields. Problems the reader already found (a number where a string belongs, an unknown field)
 * travel along so validation neither misses nor repeats them.
 *
 * @param brand the brand as sent, {@code null} when left to the path
 * @param id the id as sent, {@code null} when left to the path
 * @param name the name as sent
 * @param kind the kind as sent
 * @param startDate the first day as sent
 * @param endDate the last day as sent
 * @param channels the channels as sent, {@code null} when absent (then the campaign touched the brand as a whole)
 * @param spend the spend as sent, exactly
 * @param currency the currency as sent
 * @param note the note as sent
 * @param readErrors problems found while reading
 */
public record RawCampaign(String brand, String id, String name, String kind, String startDate, String endDate,
		List<String> channels, BigDecimal spend, String currency, String note, List<ItemError> readErrors) {

	public RawCampaign {
		channels = (channels != null) ? Collections.unmodifiableList(new ArrayList<>(channels)) : null;
		readErrors = List.copyOf(readErrors);
	}

	/**
	 * Whether the reader already reported a problem with this field (an element of it included, such as
	 * {@code channels[2]}) or with the body as a whole; then the field is not judged again.
	 */
	boolean hasReadError(String field) {
		for (ItemError error : this.readErrors) {
			if (error.field() == null || error.field().equals(field) || error.field().startsWith(field + "[")) {
				return true;
			}
		}
		return false;
	}

}
