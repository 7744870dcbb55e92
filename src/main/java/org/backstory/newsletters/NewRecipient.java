package org.backstory.newsletters;

import org.jspecify.annotations.Nullable;

/**
 * A recipient fixed when a send starts.
 *
 * @param status {@code pending}, or {@code suppressed} / {@code failed} for those never
 * to be mailed
 * @param error why a recipient is failed from the start (an address SMTP would not take)
 */
record NewRecipient(long memberId, String address, String name, String edition, String status, @Nullable String error) {
}
