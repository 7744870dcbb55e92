package org.backstory.newsletters;

import java.time.Instant;

/**
 * A member opting in to or out of a newsletter.
 *
 * @param newsletter the newsletter's name
 * @param optedIn true for an opt-in, false for an opt-out
 */
public record OptInChange(long newsletterId, String newsletter, boolean optedIn, Instant at) {
}
