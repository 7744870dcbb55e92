package org.backstory.members;

/**
 * A column the staff member list can be sorted by, each with the member's id as the
 * tie-breaker, so that keyset paging ({@link RosterCursor}) never skips or repeats a
 * member. Names and addresses sort without regard to case.
 */
public enum RosterOrder {

	/** When they signed up. */
	JOINED("m.created_at", "timestamptz"),

	/** Their name, any case. */
	NAME("lower(m.name)", "text"),

	/** Their address, any case. */
	EMAIL("lower(m.email)", "text"),

	/**
	 * Their id alone: the order within a group another module decides (a billing status).
	 */
	ID("m.id", "bigint");

	private final String expression;

	private final String type;

	RosterOrder(String expression, String type) {
		this.expression = expression;
		this.type = type;
	}

	/** The SQL the rows are ordered by; fixed here, never from a request. */
	String expression() {
		return expression;
	}

	/**
	 * The SQL type a cursor's value is cast to, to compare with {@link #expression()}.
	 */
	String type() {
		return type;
	}

}
