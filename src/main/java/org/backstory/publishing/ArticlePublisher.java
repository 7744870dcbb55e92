package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves an article between draft, scheduled and published, and announces each move
 * ({@link ArticlePublished}, {@link PublishedArticleEdited}, {@link ArticleUnpublished},
 * {@link ArticleScheduled}) inside the caller's transaction. It checks no one's
 * permission: that is why it is package-private, reached only through {@link ArticleDesk}
 * (a staff member, checked and audited) and {@link SystemPublisher} (the system itself:
 * the demo seeder and imports).
 */
@Component
class ArticlePublisher {

	private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

	private final ArticleRepository articles;

	private final CatalogCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ArticlePublisher(ArticleRepository articles, CatalogCache cache, Clock clock, ApplicationEventPublisher events) {
		this.articles = articles;
		this.cache = cache;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Publishes the article at {@code at}: at once if that time has come, otherwise it is
	 * scheduled; with {@code onSite} false, for email only.
	 * @param announce false for an import, which is not news: nothing is announced as
	 * published now (a scheduled one still is when its time comes)
	 * @throws InvalidArticleException if there is no such article
	 */
	void publish(long id, Instant at, boolean onSite, boolean announce) {
		Instant now = clock.instant();
		boolean wasLive = articles.live(id, now);
		boolean scheduled = at.isAfter(now);
		articles.setPublication(id, scheduled ? "scheduled" : "published", at, onSite);
		cache.invalidate();
		boolean live = !scheduled && onSite;
		if (announce && live) {
			events.publishEvent(wasLive ? new PublishedArticleEdited(id) : new ArticlePublished(id));
		}
		else if (announce && wasLive) {
			events.publishEvent(new ArticleUnpublished(id, scheduled ? "scheduled" : "sent"));
		}
		// A scheduled article is announced when its time comes, however it came in.
		if (scheduled && onSite) {
			events.publishEvent(new ArticleScheduled(id, at));
		}
		log.info("Article published id={} at={} onSite={} announced={}", id, at, onSite, announce);
	}

	/**
	 * Schedules the article on the site at {@code at}, which must be in the future.
	 * @throws InvalidArticleException if {@code at} has passed or there is no such
	 * article
	 */
	void schedule(long id, Instant at) {
		if (!at.isAfter(clock.instant())) {
			throw new InvalidArticleException("A scheduled time must be in the future.");
		}
		publish(id, at, true, true);
	}

	/** Takes the article back to draft: it disappears from every page, feed and list. */
	void unpublish(long id) {
		boolean wasLive = articles.live(id, clock.instant());
		articles.setPublication(id, "draft", null, true);
		cache.invalidate();
		if (wasLive) {
			events.publishEvent(new ArticleUnpublished(id, "draft"));
		}
		log.info("Article unpublished id={}", id);
	}

}
