package org.backstory.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.backstory.shared.web.SortHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code sort} and {@code dir} parameters of a staff list: an allowed column in the
 * asked or usual direction, anything else the list's default; and the header links that
 * flip the sorted column.
 */
class ListSortTests {

	private static final Set<String> COLUMNS = Set.of("title", "when");

	private static final Set<String> DATES = Set.of("when");

	private static final ListSort DEFAULT = new ListSort("updated", true);

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "title, asc, title, false", "title, desc, title, true", "title, null, title, false",
					"title, sideways, title, false", "when, null, when, true", "when, asc, when, false",
					"when, DESC, when, true", "null, asc, updated, true", "TITLE, asc, updated, true",
					"'a.id;--', desc, updated, true", "'', asc, updated, true" })
	void readsTheParameters(String sort, String dir, String column, boolean descending) {
		assertThat(ListSort.of(sort, dir, COLUMNS, DATES, DEFAULT)).isEqualTo(new ListSort(column, descending));
	}

	@Test
	void anUnknownColumnIsNoSortAtAll() {
		assertThat(ListSort.parse("drop", "asc", COLUMNS, DATES)).isEmpty();
		assertThat(ListSort.parse("title", "asc", COLUMNS, DATES)).contains(new ListSort("title", false));
	}

	@Test
	void theSortedColumnsHeaderFlipsItAndSaysHowItIsSorted() {
		ListSort byTitle = new ListSort("title", false);

		assertThat(SortHeader.of("Title", "title", byTitle, "/list?q=x&", false))
			.isEqualTo(new SortHeader("Title", "/list?q=x&sort=title&dir=desc", "ascending"));
		assertThat(SortHeader.of("When", "when", byTitle, "/list?", true))
			.isEqualTo(new SortHeader("When", "/list?sort=when&dir=desc", null));
		assertThat(SortHeader.of("When", "when", new ListSort("when", true), "/list?", true))
			.isEqualTo(new SortHeader("When", "/list?sort=when&dir=asc", "descending"));
	}

}
