package io.brandsignal.ingest.campaign.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.brandsignal.ingest.campaign.RawCampaign;
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.MalformedBatchException;
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
 * Reads one campaign, a JSON object, from a body already bounded to {@link #MAX_BODY_BYTES}, token by token:
 * syntax errors (duplicate keys and broken read constraints included) become a
 * {@link MalformedBatchException} naming line and column; values of the wrong JSON type, unknown and
 * server-owned fields become field errors, so one answer lists them all. Whether the values are valid is
 * left to the contract's rules.
 */
final class CampaignJsonReader {

	/**
	 * The largest campaign body: the longest valid campaign (a 1,000-character note written as
	 * {@code \}{@code uXXXX} escapes is 6,000 bytes on its own) fits with room to spare.
	 */
	static final int MAX_BODY_BYTES = 16 * 1024;

	private static final List<String> TEXT_FIELDS = List.of("brand", "id", "name", "kind", "startDate", "endDate",
			"currency", "note");

	private static final Set<String> SERVER_OWNED = Set.of("updatedAt", "source");

	// Any string the bounded body can hold is read; its length is judged by the rules, with a precise message.
	private static final JsonFactory FACTORY = JsonReading.factory(MAX_BODY_BYTES, true);

	private CampaignJsonReader() {
	}

	static RawCampaign read(byte[] body) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken root = parser.nextToken();
			if (root == null) {
				throw new MalformedBatchException("The request body is empty; expected a campaign as a JSON object");
			}
			RawCampaign campaign;
			if (root == JsonToken.START_OBJECT) {
				campaign = readObject(parser);
			}
			else {
				parser.skipChildren();
				campaign = new RawCampaign(null, null, null, null, null, null, null, null, null, null,
						List.of(error(null, "the body must be a campaign as a JSON object, was " + kind(root))));
			}
			if (parser.nextToken() != null) {
				throw new MalformedBatchException("Malformed JSON" + position(parser.currentTokenLocation())
						+ ": content after the end of the body");
			}
			return campaign;
		}
		catch (JacksonException ex) {
			throw JsonReading.malformed(ex);
		}
	}

	private static RawCampaign readObject(JsonParser parser) {
		String[] texts = new String[TEXT_FIELDS.size()];
		List<String> channels = null;
		BigDecimal spend = null;
		List<ItemError> errors = new ArrayList<>();
		int unknown = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			int text = TEXT_FIELDS.indexOf(name);
			if (value == JsonToken.VALUE_NULL) {
				// null is absent, as for observations
				continue;
			}
			if (text >= 0) {
				if (value == JsonToken.VALUE_STRING) {
					texts[text] = parser.getString();
				}
				else {
					parser.skipChildren();
					errors.add(error(name, "must be a JSON string, was " + kind(value)));
				}
			}
			else if (name.equals("channels")) {
				channels = channels(parser, value, errors);
			}
			else if (name.equals("spend")) {
				spend = spend(parser, value, errors);
			}
			else {
				parser.skipChildren();
				if (++unknown <= IngestLimits.MAX_ITEM_FIELDS) {
					errors.add(error(echo(name),
							SERVER_OWNED.contains(name) ? "is set by the server and must not be sent" : "unknown field"));
				}
			}
		}
		if (unknown > IngestLimits.MAX_ITEM_FIELDS) {
			errors.add(error(null, "has " + unknown + " unknown fields, the first " + IngestLimits.MAX_ITEM_FIELDS
					+ " listed; a campaign has brand, id, name, kind, startDate, endDate, channels, spend, currency, note"));
		}
		return new RawCampaign(texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], channels, spend, texts[6],
				texts[7], errors);
	}

	private static List<String> channels(JsonParser parser, JsonToken value, List<ItemError> errors) {
		if (value != JsonToken.START_ARRAY) {
			parser.skipChildren();
			errors.add(error("channels", "must be a JSON array of channel names, was " + kind(value)));
			return null;
		}
		List<String> channels = new ArrayList<>();
		for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
			if (element == JsonToken.VALUE_STRING) {
				channels.add(parser.getString());
			}
			else {
				parser.skipChildren();
				errors.add(error("channels[" + channels.size() + "]", "must be a JSON string, was " + kind(element)));
				// keeps the indices of later elements right
				channels.add(null);
			}
		}
		return channels;
	}

	private static BigDecimal spend(JsonParser parser, JsonToken value, List<ItemError> errors) {
		if (!value.isNumeric()) {
			parser.skipChildren();
			errors.add(error("spend", "must be a JSON number, was " + kind(value)));
			return null;
		}
		try {
			return parser.getDecimalValue();
		}
		catch (JacksonException | NumberFormatException ex) {
			errors.add(error("spend", "must be a finite number"));
			return null;
		}
	}

	private static ItemError error(String field, String message) {
		return ItemError.at(ItemLocation.body(), field, message);
	}

}
