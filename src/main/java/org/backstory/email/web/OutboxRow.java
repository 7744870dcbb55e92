package org.backstory.email.web;

/** One line of the outbox list. */
public record OutboxRow(long id, String time, String to, String subject, String status, int attempts) {
}
