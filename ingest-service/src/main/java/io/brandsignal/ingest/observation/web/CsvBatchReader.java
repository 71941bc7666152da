package io.brandsignal.ingest.observation.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
import io.brandsignal.ingest.observation.IngestLimits;
import io.brandsignal.ingest.observation.ItemError;
import io.brandsignal.ingest.observation.ItemLocation;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.RawObservation;
import io.brandsignal.ingest.observation.web.CsvRecordReader.CsvRecord;

/**
 * Reads a {@code text/csv} body (UTF-8, RFC 4180, see {@link CsvRecordReader}) into raw items as a stream,
 * checking the caps while reading: a bad header is one error and ends the reading; the row after the
 * last one a batch may hold ends it with {@code 413}; fields and columns are capped
 * ({@link IngestLimits}). The header names the columns {@code brand,metric,channel,date,value} in any
 * order ({@code channel} may be left out); every error names the line its record starts on, the header
 * being line 1.
 */
class CsvBatchReader {

	static final List<String> COLUMNS = List.of("brand", "metric", "channel", "date", "value");

	private static final Set<String> REQUIRED = Set.of("brand", "metric", "date", "value");

	private static final String HEADER_RULE = "expected " + String.join(",", COLUMNS)
			+ " (channel optional, any order)";

	private final int maxItems;

	CsvBatchReader(int maxItems) {
		this.maxItems = maxItems;
	}

	ParsedBatch read(InputStream body) throws IOException {
		try {
			CsvRecordReader records = new CsvRecordReader(new InputStreamReader(body,
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					IngestLimits.MAX_CSV_COLUMNS, IngestLimits.MAX_FIELD_LENGTH);
			CsvRecord header = records.next();
			if (header == null) {
				throw new MalformedBatchException(
						"The CSV body is empty; expected the header line " + String.join(",", COLUMNS));
			}
			Map<String, Integer> columns = new HashMap<>();
			String headerProblem = columns(header, columns);
			if (headerProblem != null) {
				return new ParsedBatch(List.of(), List.of(ItemError.at(ItemLocation.line(header.line()), null,
						"bad header: " + headerProblem + "; " + HEADER_RULE)));
			}
			List<RawObservation> items = new ArrayList<>();
			for (CsvRecord record = records.next(); record != null; record = records.next()) {
				if (items.size() == this.maxItems) {
					throw new BatchTooLargeException("The CSV holds more than " + this.maxItems + " rows; at most "
							+ this.maxItems + " are accepted per request");
				}
				items.add(item(record, columns, header.fieldCount()));
			}
			return new ParsedBatch(items, List.of());
		}
		catch (CharacterCodingException ex) {
			throw new MalformedBatchException("The CSV body is not valid UTF-8");
		}
	}

	/** Maps each column name to its position; answers the header's first problem, or {@code null}. */
	private static String columns(CsvRecord header, Map<String, Integer> columns) {
		if (header.fieldCount() > IngestLimits.MAX_CSV_COLUMNS) {
			return "more than " + IngestLimits.MAX_CSV_COLUMNS + " columns";
		}
		for (int i = 0; i < header.fields().size(); i++) {
			String name = header.fields().get(i).toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				return "an empty column name";
			}
			if (!COLUMNS.contains(name)) {
				return "unknown column '" + echo(name) + "'";
			}
			if (columns.putIfAbsent(name, i) != null) {
				return "column '" + name + "' appears twice";
			}
		}
		for (String required : COLUMNS) {
			if (REQUIRED.contains(required) && !columns.containsKey(required)) {
				return "missing column '" + required + "'";
			}
		}
		return null;
	}

	private static RawObservation item(CsvRecord record, Map<String, Integer> columns, int width) {
		ItemLocation at = ItemLocation.line(record.line());
		List<ItemError> errors = new ArrayList<>();
		if (record.fieldCount() != width) {
			errors.add(ItemError.at(at, null, "has " + record.fieldCount() + " fields, the header has " + width));
			return new RawObservation(at, null, null, null, null, null, errors);
		}
		String valueText = cell(record, columns, "value");
		BigDecimal value = null;
		if (valueText != null) {
			try {
				if (valueText.length() > IngestLimits.MAX_NUMBER_LENGTH) {
					throw new NumberFormatException();
				}
				value = new BigDecimal(valueText);
			}
			catch (NumberFormatException ex) {
				errors.add(ItemError.at(at, "value", "must be a number, was '" + echo(valueText) + "'"));
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

	private static String echo(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 37) + "...";
	}

}
