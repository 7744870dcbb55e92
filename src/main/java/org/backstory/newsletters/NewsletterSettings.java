package org.backstory.newsletters;

import org.jspecify.annotations.Nullable;

/**
 * What staff set for a newsletter when creating or changing it; see {@link Newsletter}
 * for the fields.
 */
public record NewsletterSettings(String slug, String name, String description, String senderName, String senderAddress,
		@Nullable String replyTo, boolean defaultOn) {
}
