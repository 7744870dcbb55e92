package org.backstory.newsletters;

import java.util.Locale;

/**
 * Which of a newsletter's members a send goes to, by whether they pay at the moment the
 * send starts.
 */
public enum Audience {

	/** Everyone opted in. */
	ALL,
	/** Only members without the rights of a paying subscriber. */
	FREE,
	/** Only paying (or trialing, comped, in-grace) subscribers. */
	PAID;

	boolean includes(boolean paying) {
		return this == ALL || (this == PAID) == paying;
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Audience ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
