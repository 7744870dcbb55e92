package org.backstory.shared;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a staff list is sorted: one of the list's own column names and a direction, as the
 * {@code sort} and {@code dir} query parameters ask for them. A column the list does not
 * allow gives the list's default; a direction other than {@code asc} or {@code desc}
 * gives the column's usual one. Lists turn the column name into SQL through their own
 * fixed map, so a parameter never reaches the SQL.
 *
 * @param column the column's name in the address, e.g. {@code title}
 * @param descending largest, latest or last first
 */
public record ListSort(String column, boolean descending) {

	/**
	 * The sort the parameters ask for, or {@code fallback} when {@code sort} is not one
	 * of {@code allowed}.
	 * @param descendingFirst the columns whose usual direction is descending (dates)
	 */
	public static ListSort of(@Nullable String sort, @Nullable String dir, Set<String> allowed,
			Set<String> descendingFirst, ListSort fallback) {
		return parse(sort, dir, allowed, descendingFirst).orElse(fallback);
	}

	/**
	 * The sort the parameters ask for; empty when {@code sort} is not one of
	 * {@code allowed}.
	 * @param descendingFirst the columns whose usual direction is descending (dates)
	 */
	public static Optional<ListSort> parse(@Nullable String sort, @Nullable String dir, Set<String> allowed,
			Set<String> descendingFirst) {
		if (sort == null || !allowed.contains(sort)) {
			return Optional.empty();
		}
		boolean descending = "desc".equals(dir) || (!"asc".equals(dir) && descendingFirst.contains(sort));
		return Optional.of(new ListSort(sort, descending));
	}

	/**
	 * {@code asc} or {@code desc}, as the {@code dir} parameter and SQL's
	 * {@code order by} take it.
	 */
	public String direction() {
		return descending ? "desc" : "asc";
	}

}
