package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the "Suggest background" panel offers for an article being written, and whether
 * its background is stale.
 *
 * @param events the storyline's events before the article's date, oldest first (the
 * article's own left out)
 * @param articles the most similar earlier articles, best first
 * @param stale the events dated after the newest event the background mentions, oldest
 * first
 */
public record SuggestedBackground(List<SuggestedEvent> events, List<SuggestedArticle> articles,
		List<SuggestedEvent> stale) {

	public SuggestedBackground {
		events = List.copyOf(events);
		articles = List.copyOf(articles);
		stale = List.copyOf(stale);
	}

	/**
	 * "The story has moved on: 2 newer events aren't in the background", or null when it
	 * has not.
	 */
	public @Nullable String staleWarning() {
		return staleWarning(stale);
	}

	/**
	 * The warning for these stale events, or null when there are none (also for the
	 * publish page).
	 */
	public static @Nullable String staleWarning(List<SuggestedEvent> stale) {
		if (stale.isEmpty()) {
			return null;
		}
		return "The story has moved on: " + stale.size()
				+ (stale.size() == 1 ? " newer event isn't" : " newer events aren't") + " in the background";
	}

}
