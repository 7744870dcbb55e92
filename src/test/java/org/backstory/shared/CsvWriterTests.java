package org.backstory.shared;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

	@Test
	void quotesFieldsWithCommasQuotesOrLineBreaksAndEndsRowsWithCrLf() {
		StringWriter out = new StringWriter();
		new CsvWriter(out).row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", ""));

		assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "=1+2|'=1+2", "+44 20|'+44 20", "-5|'-5", "@SUM(A1)|'@SUM(A1)", "Ada=|Ada=" })
	void cellsASpreadsheetWouldRunAsFormulasGetAnApostrophe(String value, String written) {
		assertThat(CsvWriter.field(value)).isEqualTo(written);
	}

	@Test
	void aFormulaWithACommaIsGuardedAndQuoted() {
		assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"y\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	}

	@Test
	void whatTheWriterWritesTheReaderReadsBack() throws Exception {
		StringWriter out = new StringWriter();
		List<String> fields = List.of("a,b", "say \"hi\"", "two\r\nlines", "");
		new CsvWriter(out).row(fields);

		assertThat(CsvReader.parse(out.toString()).get(0).fields()).isEqualTo(fields);
	}

}
