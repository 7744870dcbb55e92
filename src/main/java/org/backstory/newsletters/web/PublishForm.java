package org.backstory.newsletters.web;

import org.jspecify.annotations.Nullable;

/**
 * The publish form as posted.
 *
 * @param mode a {@link org.backstory.newsletters.PublishMode} name
 * @param newsletter the newsletter's id
 * @param audience an {@link org.backstory.newsletters.Audience} name
 * @param when {@code now} or {@code at}
 * @param at a local date-time in UTC, for {@code at}
 */
public record PublishForm(@Nullable String mode, @Nullable Long newsletter, @Nullable String audience,
		@Nullable String when, @Nullable String at) {
}
