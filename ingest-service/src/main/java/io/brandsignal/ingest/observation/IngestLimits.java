package io.brandsignal.ingest.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large one request may be, under {@code brandsignal.ingest.limits}, and the fixed caps the readers
 * apply while reading so that no body, however built, costs more memory than its own size: these are
 * part of the contract (no valid observation comes near them), not deployment settings.
 *
 * @param maxBatchItems the most observations (JSON items or CSV rows) one request may carry
 * @param maxBodySize the largest request body accepted
 */
@ConfigurationProperties("brandsignal.ingest.limits")
public record IngestLimits(@DefaultValue("5000") int maxBatchItems, @DefaultValue("4MB") DataSize maxBodySize) {

	/** The most problems a {@code 422} answer lists; it states how many there were in all. */
	public static final int MAX_LISTED_ERRORS = 100;

	/** The longest JSON string, JSON property name or CSV field: slugs have 64 characters, a day 10. */
	public static final int MAX_FIELD_LENGTH = 256;

	/** The longest number, in characters, read as a value at all. */
	public static final int MAX_NUMBER_LENGTH = 100;

	/** The most fields of one CSV record that are kept; more are only counted. */
	public static final int MAX_CSV_COLUMNS = 16;

	/** The most properties of one JSON item (or of the body object) whose problems are listed one by one. */
	public static final int MAX_ITEM_FIELDS = 8;

	/** The deepest JSON nesting read: the body, its array and an item need three levels. */
	public static final int MAX_JSON_DEPTH = 8;

}
