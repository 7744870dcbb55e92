package org.backstory.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.StorylineRef;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Works out each article's {@link ArticleFacts} once rather than on every page view. An
 * entry is reused only while the catalog hands out the very same article and the
 * publication is unchanged, so an edit or a new publication name shows at once. Other
 * articles' facts (the storyline's parts, related articles) come from the catalog too,
 * whose cache hands out new articles after any edit, so they are never older than the
 * catalog's own answers. "The story so far" comes from the storyline's events, whose
 * changes drop the catalog's cache as an article edit does, so the article comes back as
 * a new object and its facts are worked out again.
 */
@Component
class ArticleFactsCache {

	private record Entry(Article article, Publication publication, ArticleFacts facts) {
	}

	/** How many related articles an article page offers. */
	static final int RELATED = 4;

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	private final ArticleCatalog catalog;

	private final StructuredData structuredData;

	private final PublicationService publications;

	private final BackstoryProperties properties;

	private final ShareCards shareCards;

	private final StorylineEvents events;

	ArticleFactsCache(ArticleCatalog catalog, StructuredData structuredData, PublicationService publications,
			BackstoryProperties properties, ShareCards shareCards, StorylineEvents events) {
		this.events = events;
		this.catalog = catalog;
		this.structuredData = structuredData;
		this.publications = publications;
		this.properties = properties;
		this.shareCards = shareCards;
	}

	ArticleFacts of(Article article) {
		Publication publication = publications.publication();
		Entry entry = entries.get(article.id());
		if (entry == null || entry.article() != article || entry.publication() != publication) {
			entry = new Entry(article, publication, work(article, publication));
			entries.put(article.id(), entry);
		}
		return entry.facts();
	}

	/**
	 * The facts of an article not (yet) on the site, such as a staff preview of a draft;
	 * not cached.
	 */
	ArticleFacts fresh(Article article) {
		return work(article, publications.publication());
	}

	private ArticleFacts work(Article article, Publication publication) {
		String canonicalUrl = properties.link(ArticleLinks.page(article.slug()));
		Instant modified = StructuredData.modified(article);
		ReadingDate published = ReadingDate.of(article.publishedAt());
		ReadingDate updated = ReadingDate.of(modified).text().equals(published.text()) ? null
				: ReadingDate.of(modified);
		return new ArticleFacts(published, updated, ArticleCard.lockOf(article.visibility()), storylineOf(article),
				canonicalUrl, structuredData.newsArticle(article, publication, canonicalUrl),
				shareCards.article(article, publication, canonicalUrl),
				RelatedArticle.of(catalog.related(article.id(), RELATED)), storySoFar(article));
	}

	/**
	 * Events dated before the article's day; a draft previewed by staff reads as
	 * published now, so before today.
	 */
	private List<EventView> storySoFar(Article article) {
		StorylineRef storyline = article.storyline();
		return storyline == null ? List.of() : EventView.of(events.storySoFar(storyline.slug(), article.id(),
				LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC)));
	}

	private @Nullable StorylineNav storylineOf(Article article) {
		StorylineRef storyline = article.storyline();
		return storyline == null ? null
				: StorylineNav.of(storyline, article.id(), catalog.inStoryline(storyline.slug()));
	}

}
