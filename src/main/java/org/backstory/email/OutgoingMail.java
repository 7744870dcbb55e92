package org.backstory.email;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A queued or delivered message as stored in {@code email.outgoing_mail}. */
record OutgoingMail(long id, String recipient, String subject, String textBody, @Nullable String htmlBody,
		Instant createdAt, int attempts) {
}
