package org.backstory.site;

import java.util.List;

import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.StorylineRef;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The catch-up a signed-in reader sees on a storyline page and on its newest article's
 * page, read from their reading history and the storyline's events; anonymous readers get
 * none.
 */
@Component
class Catchups {

	private final ReadingHistory history;

	private final ArticleCatalog catalog;

	private final StorylineEvents events;

	Catchups(ReadingHistory history, ArticleCatalog catalog, StorylineEvents events) {
		this.history = history;
		this.catalog = catalog;
		this.events = events;
	}

	/**
	 * For the page of storyline {@code slug}, whose published parts in story order are
	 * {@code parts}.
	 */
	Catchup ofStoryline(@Nullable SignedInMember member, String slug, List<ArticleSummary> parts) {
		if (member == null || parts.isEmpty()) {
			return Catchup.NONE;
		}
		return Catchup.of(parts, history.lastReads(member.id(), parts.stream().map(ArticleSummary::id).toList()),
				lastRead -> events.newSince(slug, lastRead));
	}

	/**
	 * For an article's page, before this view is recorded: the storyline's catch-up when
	 * the article is its newest part (the latest published), none otherwise.
	 */
	Catchup ofArticle(@Nullable SignedInMember member, Article article) {
		StorylineRef storyline = article.storyline();
		if (member == null || storyline == null) {
			return Catchup.NONE;
		}
		List<ArticleSummary> parts = catalog.inStoryline(storyline.slug());
		boolean newest = parts.stream()
			.max((a, b) -> a.publishedAt().compareTo(b.publishedAt()))
			.filter(latest -> latest.id() == article.id())
			.isPresent();
		return newest ? ofStoryline(member, storyline.slug(), parts) : Catchup.NONE;
	}

	/**
	 * Records the read when a signed-in member got the whole article: a preview behind a
	 * paywall is no read.
	 */
	void recordRead(@Nullable SignedInMember member, long articleId, boolean complete) {
		if (member != null && complete) {
			history.record(member.id(), articleId);
		}
	}

}
