package org.backstory.site;

import java.util.List;

import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.LinkedEvent;
import org.backstory.publishing.SourceLink;
import org.backstory.publishing.StorylineEvent;
import org.jspecify.annotations.Nullable;

/**
 * A storyline event as the timeline and "the story so far" show it. Its words are
 * editor-written metadata, public to every reader; the covering article appears only as a
 * link with its access badge, never with its text.
 *
 * @param dateText "12 March 2019", "March 2019" or "2019"
 * @param dateIso the same for {@code <time datetime>}: {@code 2019-03-12},
 * {@code 2019-03} or {@code 2019}
 * @param summary one line
 * @param quote what someone said, or empty
 * @param speaker who said it, or empty
 * @param sources where to read more
 * @param key whether the editors marked it a key event
 * @param href the covering article's page, or null when it has no published one
 * @param articleTitle that article's headline, or null
 * @param badge who may read that article in full (Free, Members, Paid...), or null
 */
public record EventView(String dateText, String dateIso, String summary, String quote, String speaker,
		List<SourceLink> sources, boolean key, @Nullable String href, @Nullable String articleTitle,
		@Nullable String badge) {

	public EventView {
		sources = List.copyOf(sources);
	}

	static EventView of(LinkedEvent linked) {
		StorylineEvent event = linked.event();
		ArticleSummary article = linked.article();
		return new EventView(event.date().text(), event.date().written(), event.summary(), event.quote(),
				event.speaker(), event.sources(), event.key(),
				article == null ? null : ArticleLinks.page(article.slug()), article == null ? null : article.title(),
				article == null ? null : article.visibility().badge());
	}

	static List<EventView> of(List<LinkedEvent> events) {
		return events.stream().map(EventView::of).toList();
	}

}
