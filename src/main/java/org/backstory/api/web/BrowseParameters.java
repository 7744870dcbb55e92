package org.backstory.api.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The Content API's query parameters, read and checked: {@code include}, {@code fields},
 * {@code formats}, {@code limit} (default 15; {@code all} and anything over 100 mean 100,
 * as Ghost 6 caps them), {@code page}, {@code order} and {@code filter}. Parameters
 * Backstory does not know, and the {@code slug} or {@code id} Ghost's client repeats on
 * reads, are ignored; a value that cannot be read is a 400.
 *
 * @param include what to add ({@code tags}, {@code authors}, {@code count.posts}, tiers'
 * prices)
 * @param fields only these fields of each item, or empty for all
 * @param formats {@code html} and/or {@code plaintext} (others are dropped, as Ghost's
 * Content API drops them)
 * @param limit items per page, 1 to 100
 * @param page the page, from 1
 * @param order the raw order, or null for the default
 * @param filter the raw NQL filter, or null
 */
record BrowseParameters(Set<String> include, Set<String> fields, Set<String> formats, int limit, int page,
		@Nullable String order, @Nullable String filter) {

	static final int MAX_LIMIT = 100;

	private static final int DEFAULT_LIMIT = 15;

	/** Far beyond any real archive; keeps the offset within an int. */
	private static final int MAX_PAGE = 1_000_000;

	static BrowseParameters of(@Nullable String include, @Nullable String fields, @Nullable String formats,
			@Nullable String limit, @Nullable String page, @Nullable String order, @Nullable String filter) {
		Set<String> formatSet = list(formats).stream()
			.filter(f -> f.equals("html") || f.equals("plaintext"))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (formats == null || formats.isBlank()) {
			formatSet = Set.of("html");
		}
		return new BrowseParameters(list(include), list(fields), formatSet, limit(limit), page(page),
				blankToNull(order), blankToNull(filter));
	}

	int offset() {
		return (page - 1) * limit;
	}

	boolean includes(String what) {
		return include.contains(what);
	}

	private static int limit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		if (limit.strip().equals("all")) {
			return MAX_LIMIT;
		}
		return Math.min(number("limit", limit), MAX_LIMIT);
	}

	private static int page(@Nullable String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		int number = number("page", page);
		if (number > MAX_PAGE) {
			throw GhostError.badRequest("Validation error, cannot read page.",
					"page must be at most " + MAX_PAGE + ".");
		}
		return number;
	}

	private static int number(String name, String value) {
		String digits = value.strip();
		if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
				|| Integer.parseInt(digits) < 1) {
			throw GhostError.badRequest("Validation error, cannot read " + name + ".",
					name + " must be a whole number from 1" + (name.equals("limit") ? " or \"all\"." : "."));
		}
		return Integer.parseInt(digits);
	}

	private static Set<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(value.split(","))
			.map(s -> s.strip().toLowerCase(Locale.ROOT))
			.filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The order as (field, descending) pairs: {@code published_at desc, title asc}. */
	List<OrderKey> orderKeys() {
		if (order == null) {
			return List.of();
		}
		return Arrays.stream(order.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(part -> {
			String[] words = part.split("\\s+");
			String direction = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "asc";
			if (words.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
				throw GhostError.badRequest("Validation error, cannot order.",
						"order must look like \"published_at desc\".");
			}
			return new OrderKey(words[0].toLowerCase(Locale.ROOT), direction.equals("desc"));
		}).toList();
	}

	/**
	 * One key of {@code order}.
	 *
	 * @param field the field's Ghost name
	 * @param descending largest first
	 */
	record OrderKey(String field, boolean descending) {
	}

}
