package org.backstory.email;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message of a bulk send (a newsletter), fully personalised by the caller.
 *
 * @param fromName the sender's display name
 * @param fromAddress the sender's address
 * @param replyTo where replies go, or null for the sender
 * @param toName the recipient's name, shown in {@code To}
 * @param toAddress the recipient's address
 * @param subject one line
 * @param text the plain-text part
 * @param html the HTML part
 * @param messageId the {@code Message-ID} without angle brackets, stable across retries
 * so a receiver can tell a repeat from a new message
 * @param date the {@code Date} header
 * @param headers further headers in order, e.g. {@code List-Id},
 * {@code List-Unsubscribe}; values must be one line of ASCII
 */
public record BulkMessage(String fromName, String fromAddress, @Nullable String replyTo, String toName,
		String toAddress, String subject, String text, String html, String messageId, Instant date,
		Map<String, String> headers) {

	public BulkMessage {
		headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
	}

}
