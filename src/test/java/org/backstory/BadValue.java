package org.backstory;

/**
 * A request value no form of the site would send, as it goes on the wire
 * (percent-encoded, so that bytes which are not UTF-8 reach the server as they are).
 */
enum BadValue {

	EMPTY(""), BLANK("%20"), NUL("%00"), NUL_INSIDE("a%00b"), TEN_THOUSAND_CHARACTERS("x".repeat(10_000)),
	BROKEN_UTF8("%C3%28"), LONE_FF_BYTE("%FF"), HUNDRED_MILLION("100000000"), TWENTY_DIGITS("99999999999999999999"),
	MINUS_ONE("-1"), OVERFLOWING_DOUBLE("1e309"), NOT_A_NUMBER("NaN");

	/**
	 * One megabyte: posted once per route, as it is refused whole (the form body limit is
	 * below it).
	 */
	static final String ONE_MEGABYTE = "x".repeat(1 << 20);

	private final String encoded;

	BadValue(String encoded) {
		this.encoded = encoded;
	}

	/** The value percent-encoded, for a query string, a form body or a path segment. */
	String encoded() {
		return encoded;
	}

}
