package org.backstory.newsletters.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.backstory.newsletters.FollowedStoryline;

/**
 * A followed storyline as {@code /account/following} lists it.
 *
 * @param slug the storyline's slug
 * @param title its title
 * @param followedIso when the member followed it, ISO-8601 for {@code <time datetime>}
 * @param followedOn the same day in words, "7 December 2026" (UTC)
 */
public record FollowingRow(String slug, String title, String followedIso, String followedOn) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static FollowingRow of(FollowedStoryline followed) {
		return new FollowingRow(followed.slug(), followed.title(), followed.followedAt().toString(),
				DAY.format(followed.followedAt()));
	}

}
