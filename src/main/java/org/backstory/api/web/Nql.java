package org.backstory.api.web;

import java.util.List;

/**
 * A parsed NQL filter (Ghost's filter language), before anything checks what its
 * properties mean: {@link NqlParser} builds it, a resource's filter ({@link PostFilter})
 * validates it.
 */
sealed interface Nql {

	/** Every part must match ({@code +}). */
	record And(List<Nql> parts) implements Nql {
	}

	/** One part must match ({@code ,}). */
	record Or(List<Nql> parts) implements Nql {
	}

	/**
	 * {@code property:value}, {@code property:-value}, {@code property:>value},
	 * {@code property:[a,b]} and so on.
	 *
	 * @param property the property's name, e.g. {@code tag} or {@code published_at}
	 * @param operator how the property compares with the values
	 * @param negated whether a {@code -} stood before the value
	 * @param values one value, or the values of a {@code [a,b]} list
	 * @param position where the property starts in the filter (from 0), for error
	 * messages
	 */
	record Condition(String property, Operator operator, boolean negated, List<Value> values,
			int position) implements Nql {
	}

	/**
	 * A value as written.
	 *
	 * @param text the value without quotes
	 * @param quoted whether it was a {@code 'quoted string'}
	 */
	record Value(String text, boolean quoted) {
	}

	/** How a property compares with a value. */
	enum Operator {

		EQUALS, IN, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, CONTAINS, STARTS_WITH, ENDS_WITH

	}

}
