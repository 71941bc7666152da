package io.brandsignal.dashboard.series;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesCsvTests {

	@Test
	void prefixesCellsThatASpreadsheetWouldTakeForAFormula() {
		assertThat(SeriesCsv.text("=1+1")).isEqualTo("'=1+1");
		assertThat(SeriesCsv.text("+49 sales")).isEqualTo("'+49 sales");
		assertThat(SeriesCsv.text("-acme")).isEqualTo("'-acme");
		assertThat(SeriesCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SeriesCsv.text("\tcmd")).isEqualTo("'\tcmd");
	}

	@Test
	void leavesOrdinaryCellsAsTheyAre() {
		assertThat(SeriesCsv.text("acme-shoes")).isEqualTo("acme-shoes");
		assertThat(SeriesCsv.text("")).isEmpty();
	}

	@Test
	void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
		assertThat(SeriesCsv.text("a,b")).isEqualTo("\"a,b\"");
		assertThat(SeriesCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(SeriesCsv.text("=\"x\",1")).isEqualTo("\"'=\"\"x\"\",1\"");
	}

}
