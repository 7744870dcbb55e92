package org.backstory.email.web;

/** A newsletter message in the dev outbox, as the outbox page lists it. */
public record NewsletterFile(String time, String to, String subject) {
}
