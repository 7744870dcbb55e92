package org.backstory.site;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.backstory.publishing.Article;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The parts of an article page that are the same for every reader (dates in words, the lock mark, the
 * canonical address, the structured data), worked out once per article rather than on every page view.
 * An entry is reused only while the catalog hands out the very same article and the publication is
 * unchanged, so an edit or a new publication name shows at once.
 */
@Component
class ArticleFacts {

	/**
	 * @param published when it went live
	 * @param updated when it was last changed, if on a later day
	 * @param lock "Paid" or "Members" when not everyone may read it all, otherwise null
	 * @param canonicalUrl the article's absolute address
	 * @param jsonLd schema.org structured data, already escaped for a script element
	 */
	record Facts(ReadingDate published, @Nullable ReadingDate updated, @Nullable String lock, String canonicalUrl,
			String jsonLd) {
	}

	private record Entry(Article article, Publication publication, Facts facts) {
	}

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	private final StructuredData structuredData;

	private final PublicationService publications;

	private final BackstoryProperties properties;

	ArticleFacts(StructuredData structuredData, PublicationService publications, BackstoryProperties properties) {
		this.structuredData = structuredData;
		this.publications = publications;
		this.properties = properties;
	}

	Facts of(Article article) {
		Publication publication = publications.publication();
		Entry entry = entries.get(article.id());
		if (entry == null || entry.article() != article || entry.publication() != publication) {
			entry = new Entry(article, publication, work(article, publication));
			entries.put(article.id(), entry);
		}
		return entry.facts();
	}

	private Facts work(Article article, Publication publication) {
		String canonicalUrl = properties.link("/p/" + article.slug());
		Instant modified = StructuredData.modified(article);
		ReadingDate published = ReadingDate.of(article.publishedAt());
		ReadingDate updated = ReadingDate.of(modified).text().equals(published.text()) ? null : ReadingDate.of(modified);
		return new Facts(published, updated, ArticleCard.lockOf(article.visibility()), canonicalUrl,
				structuredData.newsArticle(article, publication, canonicalUrl));
	}

}
