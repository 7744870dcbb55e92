package org.backstory.access;

import java.util.Set;

/**
 * A reader who is not signed in, as the anonymous meter sees them: an input to
 * {@link AccessPolicy#decideAnonymous}.
 *
 * @param allowance paid articles a month such a reader may read; 0 when the anonymous
 * meter is off
 * @param presented whether the request carries a meter cookie (valid or not) or asks to
 * start the meter: the response then depends on the reader, not only on the address
 * @param read the paid articles read this month according to a valid cookie; empty for a
 * fresh meter
 */
record AnonymousMeter(int allowance, boolean presented, Set<Long> read) {

	/** The cookie's name. */
	static final String COOKIE = "backstory_meter";

	static final AnonymousMeter OFF = new AnonymousMeter(0, false, Set.of());

	AnonymousMeter {
		read = Set.copyOf(read);
	}

}
