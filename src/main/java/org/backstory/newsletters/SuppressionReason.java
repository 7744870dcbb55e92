package org.backstory.newsletters;

import java.util.Arrays;

/** Why an address gets no newsletters. */
public enum SuppressionReason {

	/** The receiving server reported the mailbox does not exist (a hard bounce). */
	BOUNCE("bounce", "bounced", "Mail to this address bounced: the receiving server said the mailbox does not exist."),
	/** The recipient marked a newsletter as spam. */
	COMPLAINT("complaint", "marked as spam",
			"A newsletter sent to this address was marked as spam, so we stopped sending newsletters to it."),
	/** Our SMTP server refused the address permanently, more than once. */
	HARD_FAILURES("hard-failures", "refused by our mail server",
			"Our mail server refused to deliver to this address more than once.");

	private final String code;

	private final String label;

	private final String explanation;

	SuppressionReason(String code, String label, String explanation) {
		this.code = code;
		this.label = label;
		this.explanation = explanation;
	}

	/** The stored form. */
	String code() {
		return code;
	}

	/** A few words for staff, e.g. "marked as spam". */
	public String label() {
		return label;
	}

	/** A sentence for the member whose address it is, saying what happened. */
	public String explanation() {
		return explanation;
	}

	static SuppressionReason ofCode(String code) {
		return Arrays.stream(values())
			.filter(reason -> reason.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown suppression reason " + code));
	}

}
