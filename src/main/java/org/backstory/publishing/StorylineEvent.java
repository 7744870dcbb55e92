package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a storyline, as its editors record it. Summary, quote and
 * sources are editor-written metadata, public on every page; only the covering article's
 * own text is gated.
 *
 * @param id the event's id
 * @param storylineId the storyline it belongs to
 * @param date when it happened
 * @param summary one line of plain text
 * @param quote what someone said, or empty
 * @param speaker who said it, or empty
 * @param sources where to read more, in the editor's order
 * @param articleId the article that covers it (any status), if any
 * @param key whether it is a key event, kept first when the story so far is condensed
 */
public record StorylineEvent(long id, long storylineId, EventDate date, String summary, String quote, String speaker,
		List<SourceLink> sources, @Nullable Long articleId, boolean key) {

	public StorylineEvent {
		sources = List.copyOf(sources);
	}

}
