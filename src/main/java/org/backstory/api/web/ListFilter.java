package org.backstory.api.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A parsed filter on tags or authors, which Backstory lists from memory (a publication
 * has tens of them, not thousands): {@code slug:x}, {@code slug:[a,b]}, {@code id:…} and
 * {@code visibility:public} (every tag and author is public), negated or combined.
 * Anything else is refused with a reason.
 *
 * @param <T> what is filtered
 */
final class ListFilter<T> {

	private final Function<T, String> slug;

	private final Function<T, String> id;

	ListFilter(Function<T, String> slug, Function<T, String> id) {
		this.slug = slug;
		this.id = id;
	}

	Predicate<T> of(Nql nql) {
		if (nql instanceof Nql.And and) {
			List<Predicate<T>> parts = and.parts().stream().map(this::of).toList();
			return item -> parts.stream().allMatch(part -> part.test(item));
		}
		if (nql instanceof Nql.Or or) {
			List<Predicate<T>> parts = or.parts().stream().map(this::of).toList();
			return item -> parts.stream().anyMatch(part -> part.test(item));
		}
		Nql.Condition c = (Nql.Condition) nql;
		if (c.operator() != Nql.Operator.EQUALS && c.operator() != Nql.Operator.IN) {
			throw refuse(c, c.property() + " is compared with : or [a,b] only");
		}
		List<String> values = c.values().stream().map(value -> value.text().toLowerCase(Locale.ROOT)).toList();
		Predicate<T> matches = switch (c.property().toLowerCase(Locale.ROOT)) {
			case "slug" -> item -> values.contains(slug.apply(item));
			case "id" -> item -> values.contains(id.apply(item));
			case "visibility" -> item -> values.contains("public");
			default -> throw refuse(c, "filtering by " + c.property() + " is not supported");
		};
		return c.negated() ? matches.negate() : matches;
	}

	private static NqlException refuse(Nql.Condition c, String reason) {
		return new NqlException("Query Error: " + reason + " (at char " + (c.position() + 1) + ")");
	}

}
