package io.brandsignal.ingest.observation.web;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.ingest.observation.MalformedBatchException;

/**
 * Splits RFC 4180 text (comma separated, fields optionally in double quotes with {@code ""} for a quote,
 * CRLF, LF or CR line ends) into records one at a time, so a body is never held whole. Of each record at
 * most {@code maxFields} fields are kept and the rest only counted; a field longer than
 * {@code maxFieldLength} characters makes the body malformed. Blank lines are skipped; unquoted fields are
 * trimmed; spaces around a quoted field are tolerated.
 */
final class CsvRecordReader {

	private static final int END = -1;

	private final Reader in;

	private final int maxFields;

	private final int maxFieldLength;

	private final char[] buffer = new char[8192];

	private final StringBuilder field = new StringBuilder();

	private int position;

	private int limit;

	private int line = 1;

	/** Whether the field just read was quoted: {@code ""} alone on a line is a record, not a blank line. */
	private boolean quoted;

	CsvRecordReader(Reader in, int maxFields, int maxFieldLength) throws IOException {
		this.in = in;
		this.maxFields = maxFields;
		this.maxFieldLength = maxFieldLength;
		if (peek() == '\uFEFF') {
			read();
		}
	}

	/** The next non-blank record, or {@code null} at the end of the text. */
	CsvRecord next() throws IOException {
		while (peek() != END) {
			int recordLine = this.line;
			List<String> fields = new ArrayList<>();
			int count = 0;
			boolean blank = true;
			boolean endOfRecord = false;
			while (!endOfRecord) {
				String value = field();
				count++;
				if (fields.size() < this.maxFields) {
					fields.add(value);
				}
				blank = blank && !this.quoted && value.isEmpty();
				int c = read();
				if (c == ',') {
					blank = false;
				}
				else {
					if (c == '\r' && peek() == '\n') {
						read();
					}
					if (c != END) {
						this.line++;
					}
					endOfRecord = true;
				}
			}
			if (!blank) {
				return new CsvRecord(recordLine, fields, count);
			}
		}
		return null;
	}

	/** Reads one field up to (not including) the comma or line end after it. */
	private String field() throws IOException {
		this.field.setLength(0);
		this.quoted = false;
		while (peek() == ' ') {
			append(read());
		}
		if (peek() != '"') {
			while (!isDelimiter(peek())) {
				append(read());
			}
			return this.field.toString().strip();
		}
		read();
		this.quoted = true;
		this.field.setLength(0);
		int quoteLine = this.line;
		while (true) {
			int c = read();
			if (c == END) {
				throw new MalformedBatchException(
						"Malformed CSV: the quoted field opened on line " + quoteLine + " is never closed");
			}
			if (c == '"') {
				if (peek() != '"') {
					break;
				}
				read();
			}
			else if (c == '\n') {
				this.line++;
			}
			append(c);
		}
		while (peek() == ' ') {
			read();
		}
		if (!isDelimiter(peek())) {
			throw new MalformedBatchException("Malformed CSV on line " + this.line
					+ ": a closing quote must be followed by a comma or the end of the line");
		}
		return this.field.toString();
	}

	private void append(int c) {
		if (this.field.length() == this.maxFieldLength) {
			throw new MalformedBatchException(
					"Malformed CSV on line " + this.line + ": a field is longer than " + this.maxFieldLength + " characters");
		}
		this.field.append((char) c);
	}

	private static boolean isDelimiter(int c) {
		return c == ',' || c == '\n' || c == '\r' || c == END;
	}

	private int peek() throws IOException {
		if (this.position == this.limit) {
			this.limit = Math.max(0, this.in.read(this.buffer));
			this.position = 0;
			if (this.limit == 0) {
				return END;
			}
		}
		return this.buffer[this.position];
	}

	private int read() throws IOException {
		int c = peek();
		if (c != END) {
			this.position++;
		}
		return c;
	}

	/**
	 * One CSV record.
	 *
	 * @param line the line it starts on
	 * @param fields its first fields, unquoted
	 * @param fieldCount how many fields it has, kept or not
	 */
	record CsvRecord(int line, List<String> fields, int fieldCount) {

		CsvRecord(int line, List<String> fields) {
			this(line, fields, fields.size());
		}

	}

}
