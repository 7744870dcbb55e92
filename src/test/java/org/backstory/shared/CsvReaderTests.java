package org.backstory.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepsEachRecordsFirstLine() throws Exception {
		List<CsvReader.Record> records = CsvReader
			.parse("email,note\r\na@x.test,\"one, \"\"two\"\"\nthree\"\r\nb@x.test,\n");

		assertThat(records).containsExactly(new CsvReader.Record(1, List.of("email", "note")),
				new CsvReader.Record(2, List.of("a@x.test", "one, \"two\"\nthree")),
				new CsvReader.Record(4, List.of("b@x.test", "")));
	}

	@Test
	void blankLinesAreNoRecordsButCountAsLines() throws Exception {
		List<CsvReader.Record> records = CsvReader.parse("email\n\na@x.test");

		assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 3);
	}

	@Test
	void aQuoteThatNeverClosesIsNotCsv() {
		assertThatThrownBy(() -> CsvReader.parse("email\n\"a@x.test\nb@x.test"))
			.isInstanceOf(CsvReader.MalformedCsvException.class)
			.hasMessageContaining("line 2");
	}

}
