package io.brandsignal.ingest.campaign;

import java.util.List;

import io.brandsignal.ingest.observation.ItemError;

/**
 * A campaign (or the path naming it) is invalid, so nothing was published; carries every problem, each
 * naming its field.
 */
public class InvalidCampaignException extends RuntimeException {

	private final List<ItemError> errors;

	public InvalidCampaignException(List<ItemError> errors) {
		super(errors.size() + " problem(s) in the campaign; nothing of it was published");
		this.errors = List.copyOf(errors);
	}

	/** The problems, in field order. */
	public List<ItemError> errors() {
		return this.errors;
	}

}
