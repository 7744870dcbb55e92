package org.backstory.members.account;

/** A staff change the rules do not allow; the message is a sentence for the owner. */
public class StaffChangeRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why: decides the answer's status (404, 403 or 422). */
	public enum Reason {

		/** No such staff member or invite. */
		NOT_FOUND,
		/** The change touches the owner. */
		FORBIDDEN,
		/**
		 * The input is wrong (a role that cannot be given, an address that is not one).
		 */
		INVALID

	}

	private final Reason reason;

	StaffChangeRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
