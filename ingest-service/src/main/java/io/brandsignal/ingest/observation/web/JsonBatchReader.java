package io.brandsignal.ingest.observation.web;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.RawObservation;
import io.brandsignal.ingest.web.JsonReading;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import static io.brandsignal.ingest.web.JsonReading.echo;
import static io.brandsignal.ingest.web.JsonReading.kind;
import static io.brandsignal.ingest.web.JsonReading.position;

/**
 * Reads a JSON body {@code {"observations":[...]}} into raw items token by token, so no tree is ever built:
 * the item after the last one a batch may hold ends the reading with {@code 413}, and Jackson's stream
 * read constraints cap nesting depth, string, name and number length ({@link IngestLimits}). Syntax
 * errors (duplicate keys and broken constraints included) become a {@link MalformedBatchException} naming
 * line and column; a body of the wrong shape, fields of the wrong JSON type and unknown or server-owned
 * fields become item errors, so one answer lists them all.
 */
class JsonBatchReader {

	static final String OBSERVATIONS = "observations";

	private static final List<String> FIELDS = List.of("brand", "metric", "channel", "date", "value");

	private static final int BRAND = 0;

	private static final int METRIC = 1;

	private static final int CHANNEL = 2;

	private static final int DATE = 3;

	private static final int VALUE = 4;

	private static final Set<String> SERVER_OWNED = Set.of("receivedAt", "source");

	private static final String SHAPE = "{\"observations\":[...]}";

	// Duplicate names are found by this reader (DuplicateNames): Jackson's detector builds a hash set per
	// object, a tenth of the request's CPU at 500 items.
	private static final JsonFactory FACTORY = JsonReading.factory(IngestLimits.MAX_FIELD_LENGTH, false);

	private final int maxItems;

	JsonBatchReader(int maxItems) {
		this.maxItems = maxItems;
	}

	ParsedBatch read(InputStream body) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			throw JsonReading.malformed(ex);
		}
	}

	private ParsedBatch read(JsonParser parser) {
		JsonToken root = parser.nextToken();
		if (root == null) {
			throw new MalformedBatchException("The request body is empty; expected " + SHAPE);
		}
		List<ItemError> bodyErrors = new ArrayList<>();
		List<RawObservation> items = new ArrayList<>();
		if (root != JsonToken.START_OBJECT) {
			parser.skipChildren();
			bodyErrors.add(ItemError.at(ItemLocation.body(), null,
					"the body must be a JSON object " + SHAPE + ", was " + kind(root)));
		}
		else {
			readBody(parser, items, bodyErrors);
		}
		if (parser.nextToken() != null) {
			throw new MalformedBatchException("Malformed JSON" + position(parser.currentTokenLocation())
					+ ": content after the end of the body");
		}
		return new ParsedBatch(items, bodyErrors);
	}

	private void readBody(JsonParser parser, List<RawObservation> items, List<ItemError> bodyErrors) {
		ItemError observationsError = ItemError.at(ItemLocation.body(), OBSERVATIONS, "is required");
		int unknownFields = 0;
		DuplicateNames names = new DuplicateNames();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			names.check(parser, name.equals(OBSERVATIONS) ? 0 : -1, name);
			JsonToken value = parser.nextToken();
			if (name.equals(OBSERVATIONS) && value == JsonToken.START_ARRAY) {
				observationsError = null;
				readItems(parser, items);
				continue;
			}
			parser.skipChildren();
			if (name.equals(OBSERVATIONS)) {
				observationsError = ItemError.at(ItemLocation.body(), OBSERVATIONS, "must be an array, was " + kind(value));
			}
			else if (++unknownFields <= IngestLimits.MAX_ITEM_FIELDS) {
				bodyErrors.add(ItemError.at(ItemLocation.body(), echo(name), "unknown field"));
			}
		}
		if (unknownFields > IngestLimits.MAX_ITEM_FIELDS) {
			bodyErrors.clear();
			bodyErrors.add(ItemError.at(ItemLocation.body(), null,
					"has " + unknownFields + " unknown fields; expected " + SHAPE));
		}
		if (observationsError != null) {
			bodyErrors.add(observationsError);
		}
	}

	private void readItems(JsonParser parser, List<RawObservation> items) {
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token == null) {
				throw new MalformedBatchException("Malformed JSON: the observations array is never closed");
			}
			if (items.size() == this.maxItems) {
				throw new BatchTooLargeException("The batch holds more than " + this.maxItems
						+ " observations; at most " + this.maxItems + " are accepted per request");
			}
			items.add(item(parser, token, ItemLocation.index(items.size())));
		}
	}

	private static RawObservation item(JsonParser parser, JsonToken token, ItemLocation at) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return new RawObservation(at, null, null, null, null, null,
					List.of(ItemError.at(at, null, "must be a JSON object, was " + kind(token))));
		}
		// Every item of every batch passes here: nothing is allocated for a well-formed one beyond its values.
		List<ItemError> unknown = null;
		// One slot per known field, so type errors are listed in field order whatever the order sent.
		ItemError[] typeErrors = null;
		String[] texts = new String[VALUE];
		BigDecimal value = null;
		int fields = 0;
		DuplicateNames names = new DuplicateNames();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			int known = fieldIndex(name);
			names.check(parser, known, name);
			JsonToken valueToken = parser.nextToken();
			ItemError typeError = null;
			if (++fields > IngestLimits.MAX_ITEM_FIELDS || known < 0 || valueToken == JsonToken.VALUE_NULL) {
				parser.skipChildren();
				if (fields <= IngestLimits.MAX_ITEM_FIELDS && known < 0) {
					unknown = (unknown != null) ? unknown : new ArrayList<>(2);
					unknown.add(ItemError.at(at, echo(name),
							SERVER_OWNED.contains(name) ? "is set by the server and must not be sent" : "unknown field"));
				}
			}
			else if (known == VALUE) {
				if (valueToken.isNumeric()) {
					value = decimal(parser);
					if (value == null) {
						typeError = ItemError.at(at, name, "must be a finite number");
					}
				}
				else {
					parser.skipChildren();
					typeError = ItemError.at(at, name, "must be a JSON number, was " + kind(valueToken));
				}
			}
			else if (valueToken == JsonToken.VALUE_STRING) {
				texts[known] = parser.getString();
			}
			else {
				parser.skipChildren();
				typeError = ItemError.at(at, name, "must be a JSON string, was " + kind(valueToken));
			}
			if (typeError != null) {
				typeErrors = (typeErrors != null) ? typeErrors : new ItemError[FIELDS.size()];
				typeErrors[known] = typeError;
			}
		}
		if (fields > IngestLimits.MAX_ITEM_FIELDS) {
			return new RawObservation(at, null, null, null, null, null, List.of(ItemError.at(at, null, "has more than "
					+ IngestLimits.MAX_ITEM_FIELDS + " fields; an observation has brand, metric, channel, date and value")));
		}
		List<ItemError> errors = List.of();
		if (unknown != null || typeErrors != null) {
			errors = (unknown != null) ? unknown : new ArrayList<>();
			for (ItemError error : (typeErrors != null) ? typeErrors : new ItemError[0]) {
				if (error != null) {
					errors.add(error);
				}
			}
		}
		return new RawObservation(at, texts[BRAND], texts[METRIC], texts[CHANNEL], texts[DATE], value, errors);
	}

	/** The index of a known field in {@link #FIELDS}, or -1. */
	private static int fieldIndex(String name) {
		return switch (name) {
			case "brand" -> BRAND;
			case "metric" -> METRIC;
			case "channel" -> CHANNEL;
			case "date" -> DATE;
			case "value" -> VALUE;
			default -> -1;
		};
	}

	/**
	 * The names already read in one JSON object, to refuse a name sent twice as malformed JSON (as
	 * Jackson's strict duplicate detection would): known names in a bit set, others in a hash set made
	 * only when an object has one and holding at most {@link IngestLimits#MAX_ITEM_FIELDS} of them.
	 */
	private static final class DuplicateNames {

		private int known;

		private Set<String> others;

		/**
		 * @param parser the parser, positioned on the name
		 * @param index the name's index among the known names, or -1
		 * @param name the name
		 */
		void check(JsonParser parser, int index, String name) {
			boolean duplicate;
			if (index >= 0) {
				duplicate = (this.known & (1 << index)) != 0;
				this.known |= 1 << index;
			}
			else {
				if (this.others == null) {
					this.others = new HashSet<>();
				}
				// Bounded: an object with more names than an item may have is refused whole, duplicates or not.
				duplicate = this.others.contains(name);
				if (this.others.size() < IngestLimits.MAX_ITEM_FIELDS) {
					this.others.add(name);
				}
			}
			if (duplicate) {
				throw new MalformedBatchException("Malformed JSON" + position(parser.currentTokenLocation())
						+ ": Duplicate Object property \"" + echo(name) + "\"");
			}
		}

	}

	private static BigDecimal decimal(JsonParser parser) {
		try {
			return parser.getDecimalValue();
		}
		catch (JacksonException | NumberFormatException ex) {
			return null;
		}
	}

}
