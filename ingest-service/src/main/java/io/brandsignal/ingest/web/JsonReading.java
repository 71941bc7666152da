package io.brandsignal.ingest.web;

import java.util.Locale;

import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.MalformedBatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * What the request body readers share: parsers that stay within the read caps of
 * {@link IngestLimits}, and the wording of what they report (JSON types, positions, Jackson's messages).
 */
public final class JsonReading {

	private JsonReading() {
	}

	/**
	 * A parser factory with the caps of {@link IngestLimits} on nesting, names and numbers.
	 * @param maxStringLength the longest string value read at all
	 * @param detectDuplicates whether Jackson refuses a name sent twice in one object; a reader that tracks
	 * names itself turns it off
	 */
	public static JsonFactory factory(int maxStringLength, boolean detectDuplicates) {
		return JsonFactory.builder()
			.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, detectDuplicates)
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(IngestLimits.MAX_JSON_DEPTH)
				.maxStringLength(maxStringLength)
				.maxNameLength(IngestLimits.MAX_FIELD_LENGTH)
				.maxNumberLength(IngestLimits.MAX_NUMBER_LENGTH)
				.build())
			.build();
	}

	/** A syntax error (or a broken read constraint) as the caller is told: where, and Jackson's first line. */
	public static MalformedBatchException malformed(JacksonException ex) {
		return new MalformedBatchException(
				"Malformed JSON" + position(ex.getLocation()) + ": " + firstLine(ex.getOriginalMessage()));
	}

	/** The JSON type a token starts, in words: {@code object}, {@code string}, ... */
	public static String kind(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "object";
			case START_ARRAY -> "array";
			case VALUE_STRING -> "string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
			case VALUE_TRUE, VALUE_FALSE -> "boolean";
			case VALUE_NULL -> "null";
			default -> token.name().toLowerCase(Locale.ROOT);
		};
	}

	/** A property name as echoed in a message: whole up to 40 characters. */
	public static String echo(String name) {
		return (name.length() <= 40) ? name : name.substring(0, 37) + "...";
	}

	/** " at line L, column C", or nothing when the position is unknown. */
	public static String position(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/** The first line of Jackson's message, without its pointer to the constraint's Java accessor. */
	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable input";
		}
		int newline = message.indexOf('\n');
		String line = ((newline >= 0) ? message.substring(0, newline) : message).replaceAll(", from `[^`]*`", "");
		return (line.length() <= 200) ? line : line.substring(0, 197) + "...";
	}

}
