package org.backstory.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as staff see it (never its secret).
 *
 * @param id its id
 * @param event the event's name, e.g. {@code post.published}
 * @param targetUrl where bodies are posted
 * @param name staff's name for it, possibly empty
 * @param active false once disabled by staff or by a 410 answer
 * @param disabledReason why it is disabled, or null
 * @param createdAt when it was added
 * @param lastAttemptAt when a delivery was last attempted, or null
 */
public record Hook(long id, String event, String targetUrl, String name, boolean active,
		@Nullable String disabledReason, Instant createdAt, @Nullable Instant lastAttemptAt) {
}
