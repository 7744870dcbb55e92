package org.backstory.imports;

/** What an imported article becomes. */
public enum PostStatus {

	/** On the site since its publication time. */
	PUBLISHED("published"),
	/** Appears on the site by itself at its publication time. */
	SCHEDULED("scheduled"),
	/** Visible nowhere until someone publishes it. */
	DRAFT("draft"),
	/**
	 * Sent by email and on no page (Ghost's "sent", Substack's emailed but unpublished
	 * posts).
	 */
	EMAIL_ONLY("email only");

	private final String label;

	PostStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
