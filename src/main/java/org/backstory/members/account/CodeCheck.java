package org.backstory.members.account;

/** The answer to a typed second-factor code. */
public enum CodeCheck {

	/** Right, and now used. */
	RIGHT,
	/** Not a code of this member's, or not one of this minute. */
	WRONG,
	/**
	 * The authenticator code of a step that already signed in (or an earlier one): a
	 * replay.
	 */
	USED,
	/** Not shaped like a code at all; not counted. */
	MALFORMED,
	/** Too many wrong codes for this member or from this IP lately; not checked. */
	THROTTLED

}
