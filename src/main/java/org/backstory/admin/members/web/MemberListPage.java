package org.backstory.admin.members.web;

import java.util.List;

import org.backstory.shared.ListSort;
import org.backstory.shared.web.SortHeader;
import org.jspecify.annotations.Nullable;

/**
 * The member list as the template shows it.
 *
 * @param search the search as typed
 * @param statuses, plans, newsletters, labels the filters' choices
 * @param from the first sign-up day, {@code yyyy-mm-dd} or empty
 * @param to the last sign-up day, or empty
 * @param nextHref the next page's address, or null on the last page
 * @param firstHref the first page's address, or null on the first page
 * @param exportHref the CSV export of the same filters, or null for staff who may not
 * export
 * @param canImport whether to offer the import
 * @param sort the order shown, kept by the filter form
 * @param name, email, status, joined the sortable columns' headers
 */
public record MemberListPage(String search, List<Choice> statuses, List<Choice> plans, List<Choice> newsletters,
		List<Choice> labels, String from, String to, List<MemberLine> members, @Nullable String nextHref,
		@Nullable String firstHref, @Nullable String exportHref, boolean canImport, ListSort sort, SortHeader name,
		SortHeader email, SortHeader status, SortHeader joined) {
}
