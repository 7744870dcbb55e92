package org.backstory.billing.sandbox;

import java.util.Locale;
import java.util.function.LongSupplier;

/** How a stored sandbox card answers charges. */
enum SandboxBehaviour {

	ALWAYS_SUCCEEDS, FIRST_CHARGE_ONLY, ALWAYS_DECLINES,

	/**
	 * Like {@link #FIRST_CHARGE_ONLY}, except that a later charge is not declined but
	 * waits for the member to authenticate it.
	 */
	REQUIRES_AUTHENTICATION;

	/**
	 * Whether the next charge succeeds, given how many charges on this card succeeded
	 * before (asked only when it matters).
	 */
	boolean succeeds(LongSupplier earlierSuccesses) {
		return switch (this) {
			case ALWAYS_SUCCEEDS -> true;
			case FIRST_CHARGE_ONLY, REQUIRES_AUTHENTICATION -> earlierSuccesses.getAsLong() == 0;
			case ALWAYS_DECLINES -> false;
		};
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SandboxBehaviour fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
