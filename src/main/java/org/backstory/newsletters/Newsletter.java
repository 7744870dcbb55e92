package org.backstory.newsletters;

import org.jspecify.annotations.Nullable;

/**
 * One of the publication's newsletters.
 *
 * @param id its id
 * @param slug a short stable name, used in the {@code List-Id} header
 * @param name what members see, e.g. "The Weekly Backstory"
 * @param description one or two sentences shown next to the opt-in
 * @param senderName the display name in {@code From}
 * @param senderAddress the address in {@code From}
 * @param replyTo where replies go, or null for the sender address
 * @param defaultOn whether new members get it unless they say otherwise
 */
public record Newsletter(long id, String slug, String name, String description, String senderName, String senderAddress,
		@Nullable String replyTo, boolean defaultOn) {
}
