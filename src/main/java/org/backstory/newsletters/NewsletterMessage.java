package org.backstory.newsletters;

import java.time.Instant;

/**
 * A newsletter message to one member, as their staff page lists it.
 *
 * @param at when it was sent, or when it is due while still pending
 * @param newsletter the newsletter's name
 * @param subject the message's subject line
 * @param status {@code pending}, {@code sent}, {@code failed}, {@code bounced} or
 * {@code suppressed}
 */
public record NewsletterMessage(Instant at, String newsletter, String subject, String status) {
}
