package io.brandsignal.ingest.observation.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.ParsedBatch;
import io.brandsignal.ingest.observation.web.CsvBatchReader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvBatchReaderTests {

	@Test
	void parsesRfc4180QuotingAndKeepsTheLineEachRecordStartsOn() {
		List<CsvRecord> records = CsvBatchReader.parse("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x\r\n\r\nlast, spaced ");
		assertThat(records).containsExactly(new CsvRecord(1, List.of("a", "b,c", "d\"e")),
				new CsvRecord(2, List.of("multi\nline", "x")), new CsvRecord(5, List.of("last", "spaced")));
	}

	@Test
	void readsColumnsInAnyOrderWithChannelOptional() {
		ParsedBatch batch = new CsvBatchReader(10)
			.read("\uFEFFvalue,date,metric,brand\n12.5,2026-11-20,likes,acme\n".getBytes(StandardCharsets.UTF_8));
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
		assertThatThrownBy(() -> new CsvBatchReader(2).read(csv.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(BatchTooLargeException.class)
			.hasMessage("The CSV holds 3 rows; at most 2 are accepted per request");
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatThrownBy(() -> CsvBatchReader.parse("a,b\n\"x\"y,z\n")).isInstanceOf(MalformedBatchException.class)
			.hasMessage("Malformed CSV on line 2: a closing quote must be followed by a comma or the end of the line");
	}

	@Test
	void refusesInvalidUtf8() {
		assertThatThrownBy(() -> new CsvBatchReader(2).read(new byte[] { 'a', (byte) 0xC3, '\n' }))
			.isInstanceOf(MalformedBatchException.class)
			.hasMessage("The CSV body is not valid UTF-8");
	}

}
