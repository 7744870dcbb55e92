package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An earlier event of the article's storyline, as the "Suggest background" panel offers
 * it.
 *
 * @param id the event's id
 * @param date when it happened
 * @param summary the editor's one line
 * @param key whether it is a key event
 * @param articleSlug the slug of its covering article when that is on the site, else null
 * @param sources its source links
 * @param recapLine the sentence "Insert a linked recap line" writes
 */
public record SuggestedEvent(long id, EventDate date, String summary, boolean key, @Nullable String articleSlug,
		List<SourceLink> sources, String recapLine) {

	public SuggestedEvent {
		sources = List.copyOf(sources);
	}

	/**
	 * An event with the link its recap line carries: its covering article, else its first
	 * source, else none.
	 */
	static SuggestedEvent of(StorylineEvent event, @Nullable String articleSlug) {
		String href = articleSlug != null ? ArticleLinks.page(articleSlug)
				: event.sources().isEmpty() ? null : event.sources().get(0).url();
		String linkText = articleSlug != null ? "more" : "source";
		return new SuggestedEvent(event.id(), event.date(), event.summary(), event.key(), articleSlug, event.sources(),
				RecapLines.event(event.date(), event.summary(), href, linkText));
	}

}
