package org.backstory.newsletters;

import java.time.Instant;

/**
 * An address on the suppression list.
 *
 * @param address the address, as its lower-case key
 * @param reason why it gets no newsletters
 * @param detail what the report or the SMTP server said, possibly empty
 * @param since when it was suppressed
 */
public record Suppression(String address, SuppressionReason reason, String detail, Instant since) {
}
