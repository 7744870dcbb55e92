package org.backstory.email;

import java.time.Instant;

/**
 * One transactional mail (sign-in link, receipt, ...) as staff see it in a member's
 * history.
 *
 * @param at when it was sent, or queued while not sent yet
 * @param subject its subject line
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 */
public record MailLogEntry(Instant at, String subject, String status) {
}
