package org.backstory.api.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a filter in Ghost's NQL: {@code prop:value}, {@code prop:-value} (not),
 * {@code prop:>v}, {@code >=}, {@code <}, {@code <=}, {@code prop:[a,b]} and
 * {@code prop:-[a,b]}, {@code prop:~'x'} (contains), {@code ~^} (starts with), {@code ~$}
 * (ends with); values bare ({@code news}, {@code true}, {@code now-30d}) or
 * {@code 'quoted'} (with {@code \'} for a quote); {@code +} is and, {@code ,} is or (and
 * binds tighter), and brackets group. A recursive descent over the text; nothing it reads
 * ever reaches SQL as text.
 */
final class NqlParser {

	/** Longer filters are refused: no theme needs one, and the parser must stay cheap. */
	static final int MAX_LENGTH = 2_000;

	private static final int MAX_DEPTH = 20;

	private static final String NOT_IN_LITERAL = "'\"+,()><=[]~:";

	private final String text;

	private int position;

	private int depth;

	private NqlParser(String text) {
		this.text = text;
	}

	static Nql parse(String filter) {
		if (filter.length() > MAX_LENGTH) {
			throw new NqlException("Query Error: filter is longer than " + MAX_LENGTH + " characters");
		}
		NqlParser parser = new NqlParser(filter);
		Nql nql = parser.or();
		parser.skipSpaces();
		if (parser.position < filter.length()) {
			throw parser.unexpected();
		}
		return nql;
	}

	private Nql or() {
		List<Nql> parts = new ArrayList<>();
		parts.add(and());
		while (accept(',')) {
			parts.add(and());
		}
		return parts.size() == 1 ? parts.get(0) : new Nql.Or(parts);
	}

	private Nql and() {
		List<Nql> parts = new ArrayList<>();
		parts.add(term());
		while (accept('+')) {
			parts.add(term());
		}
		return parts.size() == 1 ? parts.get(0) : new Nql.And(parts);
	}

	private Nql term() {
		skipSpaces();
		if (accept('(')) {
			if (++depth > MAX_DEPTH) {
				throw new NqlException("Query Error: brackets nested too deeply in filter");
			}
			Nql inner = or();
			expect(')');
			depth--;
			return inner;
		}
		return condition();
	}

	private Nql condition() {
		int start = position;
		while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
				|| text.charAt(position) == '_' || text.charAt(position) == '.')) {
			position++;
		}
		if (position == start) {
			throw unexpected();
		}
		String property = text.substring(start, position);
		expect(':');
		boolean negated = accept('-');
		Nql.Operator operator = operator();
		if (operator == Nql.Operator.EQUALS && accept('[')) {
			List<Nql.Value> values = new ArrayList<>();
			values.add(value());
			while (accept(',')) {
				values.add(value());
			}
			expect(']');
			return new Nql.Condition(property, Nql.Operator.IN, negated, values, start);
		}
		return new Nql.Condition(property, operator, negated, List.of(value()), start);
	}

	private Nql.Operator operator() {
		if (accept('>')) {
			return accept('=') ? Nql.Operator.GREATER_OR_EQUAL : Nql.Operator.GREATER;
		}
		if (accept('<')) {
			return accept('=') ? Nql.Operator.LESS_OR_EQUAL : Nql.Operator.LESS;
		}
		if (accept('~')) {
			if (accept('^')) {
				return Nql.Operator.STARTS_WITH;
			}
			return accept('$') ? Nql.Operator.ENDS_WITH : Nql.Operator.CONTAINS;
		}
		return Nql.Operator.EQUALS;
	}

	private Nql.Value value() {
		skipSpaces();
		if (accept('\'') || accept('"')) {
			char quote = text.charAt(position - 1);
			StringBuilder value = new StringBuilder();
			while (position < text.length() && text.charAt(position) != quote) {
				char c = text.charAt(position++);
				if (c == '\\' && position < text.length()) {
					c = text.charAt(position++);
				}
				value.append(c);
			}
			expect(quote);
			return new Nql.Value(value.toString(), true);
		}
		int start = position;
		while (position < text.length() && !Character.isWhitespace(text.charAt(position))
				&& NOT_IN_LITERAL.indexOf(text.charAt(position)) < 0) {
			position++;
		}
		if (position == start) {
			throw unexpected();
		}
		return new Nql.Value(text.substring(start, position), false);
	}

	private boolean accept(char c) {
		skipSpaces();
		if (position < text.length() && text.charAt(position) == c) {
			position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!accept(c)) {
			throw unexpected();
		}
	}

	private void skipSpaces() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	private NqlException unexpected() {
		return new NqlException(
				position < text.length() ? "Query Error: unexpected character in filter at char " + (position + 1)
						: "Query Error: unexpected end of filter");
	}

}
