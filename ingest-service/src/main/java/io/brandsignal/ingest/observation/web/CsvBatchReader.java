package io.brandsignal.ingest.observation.web;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.RawObservation;

/**
 * Reads a {@code text/csv} body (UTF-8, RFC 4180: comma separated, fields optionally in double quotes
 * with {@code ""} for a quote, CRLF or LF line ends) into raw items. The header names the columns
 * {@code brand,metric,channel,date,value} in any order ({@code channel} may be left out); every error
 * names the line its record starts on, the header being line 1. Blank lines are skipped; unquoted fields
 * are trimmed.
 */
class CsvBatchReader {

	static final List<String> COLUMNS = List.of("brand", "metric", "channel", "date", "value");

	private static final Set<String> REQUIRED = Set.of("brand", "metric", "date", "value");

	/** Longer "numbers" are refused before parsing, so a huge cell cannot cost quadratic time. */
	private static final int MAX_NUMBER_LENGTH = 100;

	private final int maxItems;

	CsvBatchReader(int maxItems) {
		this.maxItems = maxItems;
	}

	ParsedBatch read(byte[] body) {
		List<CsvRecord> records = parse(decode(body));
		if (records.isEmpty()) {
			throw new MalformedBatchException(
					"The CSV body is empty; expected the header line " + String.join(",", COLUMNS));
		}
		if (records.size() - 1 > this.maxItems) {
			throw new BatchTooLargeException("The CSV holds " + (records.size() - 1) + " rows; at most "
					+ this.maxItems + " are accepted per request");
		}
		CsvRecord header = records.get(0);
		List<ItemError> bodyErrors = new ArrayList<>();
		Map<String, Integer> columns = columns(header, bodyErrors);
		if (!bodyErrors.isEmpty()) {
			return new ParsedBatch(List.of(), bodyErrors);
		}
		List<RawObservation> items = new ArrayList<>(records.size() - 1);
		for (CsvRecord record : records.subList(1, records.size())) {
			items.add(item(record, columns, header.fields().size()));
		}
		return new ParsedBatch(items, bodyErrors);
	}

	private static Map<String, Integer> columns(CsvRecord header, List<ItemError> errors) {
		ItemLocation at = ItemLocation.line(header.line());
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.fields().size(); i++) {
			String name = header.fields().get(i).toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(name)) {
				errors.add(ItemError.at(at, name, "unknown column; the header must be " + String.join(",", COLUMNS)));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				errors.add(ItemError.at(at, name, "column appears twice"));
			}
		}
		for (String required : COLUMNS) {
			if (REQUIRED.contains(required) && !columns.containsKey(required)) {
				errors.add(ItemError.at(at, required, "missing column; the header must be " + String.join(",", COLUMNS)));
			}
		}
		return columns;
	}

	private static RawObservation item(CsvRecord record, Map<String, Integer> columns, int width) {
		ItemLocation at = ItemLocation.line(record.line());
		List<ItemError> errors = new ArrayList<>();
		if (record.fields().size() != width) {
			errors.add(ItemError.at(at, null,
					"has " + record.fields().size() + " fields, the header has " + width));
			return new RawObservation(at, null, null, null, null, null, errors);
		}
		String valueText = cell(record, columns, "value");
		BigDecimal value = null;
		if (valueText != null) {
			try {
				if (valueText.length() > MAX_NUMBER_LENGTH) {
					throw new NumberFormatException();
				}
				value = new BigDecimal(valueText);
			}
			catch (NumberFormatException ex) {
				errors.add(ItemError.at(at, "value", "must be a number, was '"
						+ ((valueText.length() <= 40) ? valueText : valueText.substring(0, 37) + "...") + "'"));
			}
		}
		return new RawObservation(at, cell(record, columns, "brand"), cell(record, columns, "metric"),
				cell(record, columns, "channel"), cell(record, columns, "date"), value, errors);
	}

	/** The cell of a column, {@code null} when the column is absent or the cell empty. */
	private static String cell(CsvRecord record, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		if (index == null) {
			return null;
		}
		String text = record.fields().get(index);
		return text.isEmpty() ? null : text;
	}

	private static String decode(byte[] body) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new MalformedBatchException("The CSV body is not valid UTF-8");
		}
	}

	/** Splits RFC 4180 text into records, each with the line it starts on. */
	static List<CsvRecord> parse(String text) {
		List<CsvRecord> records = new ArrayList<>();
		int length = text.length();
		int position = 0;
		int line = 1;
		while (position < length) {
			int recordLine = line;
			List<String> fields = new ArrayList<>();
			boolean endOfRecord = false;
			boolean blank = true;
			while (!endOfRecord) {
				StringBuilder field = new StringBuilder();
				boolean quoted = false;
				// Leading spaces before an opening quote are tolerated.
				int start = position;
				while (position < length && text.charAt(position) == ' ') {
					position++;
				}
				if (position < length && text.charAt(position) == '"') {
					quoted = true;
					blank = false;
					position++;
					int quoteLine = line;
					while (true) {
						if (position >= length) {
							throw new MalformedBatchException(
									"Malformed CSV: the quoted field opened on line " + quoteLine + " is never closed");
						}
						char c = text.charAt(position++);
						if (c == '"') {
							if (position < length && text.charAt(position) == '"') {
								field.append('"');
								position++;
							}
							else {
								break;
							}
						}
						else {
							if (c == '\n') {
								line++;
							}
							field.append(c);
						}
					}
					while (position < length && text.charAt(position) == ' ') {
						position++;
					}
				}
				else {
					position = start;
				}
				while (position < length) {
					char c = text.charAt(position);
					if (c == ',' || c == '\n' || c == '\r') {
						break;
					}
					if (quoted) {
						throw new MalformedBatchException("Malformed CSV on line " + line
								+ ": a closing quote must be followed by a comma or the end of the line");
					}
					field.append(c);
					position++;
				}
				String value = quoted ? field.toString() : field.toString().strip();
				if (!value.isEmpty()) {
					blank = false;
				}
				fields.add(value);
				if (position >= length) {
					endOfRecord = true;
				}
				else {
					char c = text.charAt(position++);
					if (c == ',') {
						blank = false;
					}
					else {
						if (c == '\r' && position < length && text.charAt(position) == '\n') {
							position++;
						}
						line++;
						endOfRecord = true;
					}
				}
			}
			if (!blank) {
				records.add(new CsvRecord(recordLine, fields));
			}
		}
		return records;
	}

	/**
	 * One CSV record.
	 *
	 * @param line the line it starts on
	 * @param fields its fields, unquoted
	 */
	record CsvRecord(int line, List<String> fields) {
	}

}
