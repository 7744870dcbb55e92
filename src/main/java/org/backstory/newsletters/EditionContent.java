package org.backstory.newsletters;

/**
 * One rendered edition of a send, shared by every recipient of that edition. The bodies
 * hold the {@link Personalization} placeholders where each recipient's own links and
 * address go.
 */
record EditionContent(String subject, String html, String text) {
}
