package io.brandsignal.ingest.observation.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.web.CsvRecordReader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvBatchReaderTests {

	@Test
	void parsesRfc4180QuotingAndKeepsTheLineEachRecordStartsOn() throws IOException {
		List<CsvRecord> records = parse("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x\r\n\r\nlast, spaced \rq");
		assertThat(records).containsExactly(new CsvRecord(1, List.of("a", "b,c", "d\"e")),
				new CsvRecord(2, List.of("multi\nline", "x")), new CsvRecord(5, List.of("last", "spaced")),
				new CsvRecord(6, List.of("q")));
	}

	@Test
	void keepsAnEmptyQuotedFieldAsARecordButSkipsBlankLines() throws IOException {
		assertThat(parse("\n  \n\"\"\n,\n")).containsExactly(new CsvRecord(3, List.of("")),
				new CsvRecord(4, List.of("", "")));
	}

	@Test
	void keepsTheFirstFieldsOfAWideRecordAndCountsTheRest() throws IOException {
		CsvRecord record = new CsvRecordReader(new StringReader("a,b,c,d,e\n"), 2, 10).next();
		assertThat(record).isEqualTo(new CsvRecord(1, List.of("a", "b"), 5));
	}

	@Test
	void readsColumnsInAnyOrderWithChannelOptional() throws IOException {
		ParsedBatch batch = read(10, "\uFEFFvalue,date,metric,brand\n12.5,2026-11-20,likes,acme\n");
		assertThat(batch.bodyErrors()).isEmpty();
		assertThat(batch.items()).hasSize(1);
		assertThat(batch.items().get(0).brand()).isEqualTo("acme");
		assertThat(batch.items().get(0).channel()).isNull();
		assertThat(batch.items().get(0).value()).isEqualTo(new BigDecimal("12.5"));
		assertThat(batch.items().get(0).location().line()).isEqualTo(2);
	}

	@Test
	void refusesMoreRowsThanTheLimit() {
		String csv = "brand,metric,date,value\n" + "acme,likes,2026-11-20,1\n".repeat(3);
		assertThatThrownBy(() -> read(2, csv)).isInstanceOf(BatchTooLargeException.class)
			.hasMessage("The CSV holds more than 2 rows; at most 2 are accepted per request");
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatThrownBy(() -> parse("a,b\n\"x\"y,z\n")).isInstanceOf(MalformedBatchException.class)
			.hasMessage("Malformed CSV on line 2: a closing quote must be followed by a comma or the end of the line");
	}

	@Test
	void refusesInvalidUtf8() {
		assertThatThrownBy(() -> new CsvBatchReader(2).read(new ByteArrayInputStream(new byte[] { 'a', (byte) 0xC3, '\n' })))
			.isInstanceOf(MalformedBatchException.class)
			.hasMessage("The CSV body is not valid UTF-8");
	}

	@Test
	void reportsDuplicateAndMissingColumnsAsOneHeaderError() throws IOException {
		assertThat(read(2, "brand,brand,metric,date,value\n").bodyErrors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("bad header: column 'brand' appears twice; "));
		assertThat(read(2, "brand,metric,value\n").bodyErrors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("bad header: missing column 'date'; "));
	}

	private static ParsedBatch read(int maxItems, String csv) throws IOException {
		return new CsvBatchReader(maxItems).read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<CsvRecord> parse(String text) throws IOException {
		CsvRecordReader reader = new CsvRecordReader(new StringReader(text), 16, 256);
		List<CsvRecord> records = new ArrayList<>();
		for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
			records.add(record);
		}
		return records;
	}

}
