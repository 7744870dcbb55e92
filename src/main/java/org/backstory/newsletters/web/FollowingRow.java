package org.backstory.newsletters.web;

import org.backstory.newsletters.FollowedStoryline;
import org.backstory.shared.Dates;

/**
 * A followed storyline as {@code /account/following} lists it.
 *
 * @param slug the storyline's slug
 * @param title its title
 * @param followedIso when the member followed it, ISO-8601 for {@code <time datetime>}
 * @param followedOn the same day in words, "7 December 2026" (UTC)
 */
public record FollowingRow(String slug, String title, String followedIso, String followedOn) {

	static FollowingRow of(FollowedStoryline followed) {
		return new FollowingRow(followed.slug(), followed.title(), followed.followedAt().toString(),
				Dates.readerDate(followed.followedAt()));
	}

}
