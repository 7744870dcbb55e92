package org.backstory.newsletters;

/**
 * A recipient of a send who was not (or not yet) mailed, for the send's page.
 *
 * @param address the address
 * @param status {@code pending} (retrying), {@code failed}, {@code bounced} or
 * {@code suppressed}
 * @param error the last reason given
 * @param attempts how many times it was tried
 */
public record RecipientFailure(String address, String status, String error, int attempts) {
}
