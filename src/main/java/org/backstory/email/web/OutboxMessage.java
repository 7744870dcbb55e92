package org.backstory.email.web;

import java.util.List;

import org.backstory.email.layout.TextSegment;

/**
 * One message as the outbox shows it: the plain-text body, with its links made clickable.
 */
public record OutboxMessage(OutboxRow summary, List<TextSegment> body, boolean hasHtml) {
}
