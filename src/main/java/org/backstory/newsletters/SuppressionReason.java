package org.backstory.newsletters;

/** Why an address gets no newsletters. */
public enum SuppressionReason {

	/** The receiving server reported the mailbox does not exist (a hard bounce). */
	BOUNCE("bounce"),
	/** The recipient marked a newsletter as spam. */
	COMPLAINT("complaint"),
	/** Our SMTP server refused the address permanently, more than once. */
	HARD_FAILURES("hard-failures");

	private final String code;

	SuppressionReason(String code) {
		this.code = code;
	}

	/** The stored form. */
	String code() {
		return code;
	}

}
