package io.brandsignal.ingest.observation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.RawObservation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body {@code {"observations":[...]}} into raw items. Syntax errors (including duplicate
 * keys) become a {@link MalformedBatchException} naming line and column; a body of the wrong shape,
 * fields of the wrong JSON type and unknown or server-owned fields become item errors, so one answer
 * lists them all.
 */
class JsonBatchReader {

	static final String OBSERVATIONS = "observations";

	private static final Set<String> FIELDS = Set.of("brand", "metric", "channel", "date", "value");

	private static final Set<String> SERVER_OWNED = Set.of("receivedAt", "source");

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final int maxItems;

	JsonBatchReader(int maxItems) {
		this.maxItems = maxItems;
	}

	ParsedBatch read(byte[] body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedBatchException("Malformed JSON" + position(ex.getLocation()) + ": "
					+ firstLine(ex.getOriginalMessage()));
		}
		if (root == null || root.isMissingNode()) {
			throw new MalformedBatchException("The request body is empty; expected {\"observations\":[...]}");
		}
		List<ItemError> bodyErrors = new ArrayList<>();
		if (!root.isObject()) {
			bodyErrors.add(ItemError.at(ItemLocation.body(), null,
					"the body must be a JSON object {\"observations\":[...]}, was " + kind(root)));
			return new ParsedBatch(List.of(), bodyErrors);
		}
		for (String name : root.propertyNames()) {
			if (!name.equals(OBSERVATIONS)) {
				bodyErrors.add(ItemError.at(ItemLocation.body(), name, "unknown field"));
			}
		}
		JsonNode array = root.get(OBSERVATIONS);
		if (array == null || !array.isArray()) {
			bodyErrors.add(ItemError.at(ItemLocation.body(), OBSERVATIONS,
					(array == null) ? "is required" : "must be an array, was " + kind(array)));
			return new ParsedBatch(List.of(), bodyErrors);
		}
		if (array.size() > this.maxItems) {
			throw new BatchTooLargeException("The batch holds " + array.size() + " observations; at most "
					+ this.maxItems + " are accepted per request");
		}
		List<RawObservation> items = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			items.add(item(ItemLocation.index(i), array.get(i)));
		}
		return new ParsedBatch(items, bodyErrors);
	}

	private static RawObservation item(ItemLocation at, JsonNode node) {
		List<ItemError> errors = new ArrayList<>();
		if (!node.isObject()) {
			errors.add(ItemError.at(at, null, "must be a JSON object, was " + kind(node)));
			return new RawObservation(at, null, null, null, null, null, errors);
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			String name = property.getKey();
			if (SERVER_OWNED.contains(name)) {
				errors.add(ItemError.at(at, name, "is set by the server and must not be sent"));
			}
			else if (!FIELDS.contains(name)) {
				errors.add(ItemError.at(at, name, "unknown field"));
			}
		}
		String brand = text(at, node, "brand", errors);
		String metric = text(at, node, "metric", errors);
		String channel = text(at, node, "channel", errors);
		String date = text(at, node, "date", errors);
		BigDecimal value = null;
		JsonNode valueNode = node.get("value");
		if (valueNode != null && !valueNode.isNull()) {
			if (valueNode.isNumber()) {
				value = decimal(valueNode);
				if (value == null) {
					errors.add(ItemError.at(at, "value", "must be a finite number"));
				}
			}
			else {
				errors.add(ItemError.at(at, "value", "must be a JSON number, was " + kind(valueNode)));
			}
		}
		return new RawObservation(at, brand, metric, channel, date, value, errors);
	}

	private static BigDecimal decimal(JsonNode number) {
		try {
			return number.decimalValue();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String text(ItemLocation at, JsonNode item, String field, List<ItemError> errors) {
		JsonNode node = item.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			errors.add(ItemError.at(at, field, "must be a JSON string, was " + kind(node)));
			return null;
		}
		return node.stringValue();
	}

	private static String kind(JsonNode node) {
		return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String position(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable input";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		return (line.length() <= 200) ? line : line.substring(0, 197) + "...";
	}

}
