package org.backstory.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One body for one webhook and its fate.
 *
 * @param id its id
 * @param event the event's name
 * @param status {@code pending} (waiting for its first attempt or a retry),
 * {@code delivered} (a 2xx answer) or {@code failed} (retries used up, a 410, or the
 * webhook disabled)
 * @param attempts how many times it was sent
 * @param responseCode the last answer's HTTP status, or null when there was none
 * @param error why the last attempt failed without an answer, or null
 * @param createdAt when the change it reports happened
 * @param lastAttemptAt the last attempt, or null
 * @param nextAttemptAt the next attempt while pending, else null
 */
public record Delivery(long id, String event, String status, int attempts, @Nullable Integer responseCode,
		@Nullable String error, Instant createdAt, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt) {
}
