package org.backstory.newsletters;

import java.time.Instant;

/**
 * A storyline a member follows.
 *
 * @param storylineId the storyline's id
 * @param slug its slug, for its page {@code /story/{slug}}
 * @param title its title
 * @param followedAt when the member followed it
 */
public record FollowedStoryline(long storylineId, String slug, String title, Instant followedAt) {
}
