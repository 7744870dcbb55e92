package org.backstory.site;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an article page that are the same for every reader.
 *
 * @param published when it went live
 * @param updated when it was last changed, if on a later day
 * @param lock "Paid" or "Members" when not everyone may read it all, otherwise null
 * @param storyline its place in a storyline, if any
 * @param canonicalUrl the article's absolute address
 * @param jsonLd schema.org structured data, already escaped for a script element
 * @param share what social networks show when the article is shared
 * @param related the articles offered under it, best first
 * @param storySoFar "the story so far": the storyline's most important events before it,
 * oldest first
 */
public record ArticleFacts(ReadingDate published, @Nullable ReadingDate updated, @Nullable String lock,
		@Nullable StorylineNav storyline, String canonicalUrl, String jsonLd, ShareCard share,
		List<RelatedArticle> related, List<EventView> storySoFar) {

	public ArticleFacts {
		related = List.copyOf(related);
		storySoFar = List.copyOf(storySoFar);
	}

}
