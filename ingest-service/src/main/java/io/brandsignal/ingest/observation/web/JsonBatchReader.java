package io.brandsignal.ingest.observation.web;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
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

	private static final Set<String> SERVER_OWNED = Set.of("receivedAt", "source");

	private static final String SHAPE = "{\"observations\":[...]}";

	private static final JsonFactory FACTORY = JsonReading.factory(IngestLimits.MAX_FIELD_LENGTH);

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
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
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
		List<ItemError> unknown = new ArrayList<>();
		// One slot per known field, so type errors are listed in field order whatever the order sent.
		ItemError[] typeErrors = new ItemError[FIELDS.size()];
		String[] texts = new String[FIELDS.size() - 1];
		BigDecimal value = null;
		int fields = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken valueToken = parser.nextToken();
			int known = FIELDS.indexOf(name);
			if (++fields > IngestLimits.MAX_ITEM_FIELDS || known < 0 || valueToken == JsonToken.VALUE_NULL) {
				parser.skipChildren();
				if (fields <= IngestLimits.MAX_ITEM_FIELDS && known < 0) {
					unknown.add(ItemError.at(at, echo(name),
							SERVER_OWNED.contains(name) ? "is set by the server and must not be sent" : "unknown field"));
				}
			}
			else if (name.equals("value")) {
				if (valueToken.isNumeric()) {
					value = decimal(parser);
					if (value == null) {
						typeErrors[known] = ItemError.at(at, name, "must be a finite number");
					}
				}
				else {
					parser.skipChildren();
					typeErrors[known] = ItemError.at(at, name, "must be a JSON number, was " + kind(valueToken));
				}
			}
			else if (valueToken == JsonToken.VALUE_STRING) {
				texts[known] = parser.getString();
			}
			else {
				parser.skipChildren();
				typeErrors[known] = ItemError.at(at, name, "must be a JSON string, was " + kind(valueToken));
			}
		}
		if (fields > IngestLimits.MAX_ITEM_FIELDS) {
			return new RawObservation(at, null, null, null, null, null, List.of(ItemError.at(at, null, "has more than "
					+ IngestLimits.MAX_ITEM_FIELDS + " fields; an observation has brand, metric, channel, date and value")));
		}
		List<ItemError> errors = new ArrayList<>(unknown);
		for (ItemError error : typeErrors) {
			if (error != null) {
				errors.add(error);
			}
		}
		return new RawObservation(at, texts[0], texts[1], texts[2], texts[3], value, errors);
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
