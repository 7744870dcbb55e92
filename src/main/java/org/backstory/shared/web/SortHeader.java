package org.backstory.shared.web;

import org.backstory.shared.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * A sortable column's header in a staff table: a link that sorts by the column (the other
 * way round when it is the sorted column already), and {@code aria-sort} on the sorted
 * one.
 *
 * @param label the column's name as shown
 * @param href the list's address sorted by this column
 * @param ariaSort {@code ascending} or {@code descending} on the sorted column, else null
 */
public record SortHeader(String label, String href, @Nullable String ariaSort) {

	/**
	 * The header of {@code column} in a list now sorted {@code current}.
	 * @param listHref the list's address with its filters, ending in {@code ?} or
	 * {@code &}
	 * @param descendingFirst whether the column's first click sorts largest first
	 */
	public static SortHeader of(String label, String column, ListSort current, String listHref,
			boolean descendingFirst) {
		boolean sorted = current.column().equals(column);
		boolean descending = sorted ? !current.descending() : descendingFirst;
		return new SortHeader(label, listHref + "sort=" + column + "&dir=" + (descending ? "desc" : "asc"),
				sorted ? (current.descending() ? "descending" : "ascending") : null);
	}

}
