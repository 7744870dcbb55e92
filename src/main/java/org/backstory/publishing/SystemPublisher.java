package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing done by the system itself, for no staff member: the demo seeder and imports
 * from another platform's archive. Nothing here checks a permission or writes an audit
 * entry, so a staff member's request never comes this way: that goes through
 * {@link ArticleDesk#publish}, which does both (ArchitectureTests keeps the callers to
 * the demo and imports modules).
 */
@Service
public class SystemPublisher {

	private final ArticlePublisher publisher;

	private final Clock clock;

	SystemPublisher(ArticlePublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Publishes the article on the site at {@code at}: at once if that time has come,
	 * otherwise it is scheduled and appears by itself then. Also changes the publication
	 * time of an article already published.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publish(long id, Instant at) {
		publish(id, at, true);
	}

	/**
	 * Publishes the article at {@code at}, on the site or, with {@code onSite} false, for
	 * email only: then it is on no page, list, feed or sitemap and leaves no part number
	 * in its storyline, but a newsletter send still finds it
	 * ({@link ArticleCatalog#forSending}). Publishing it again with {@code onSite} true
	 * puts it on the site.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publish(long id, Instant at, boolean onSite) {
		publisher.publish(id, at, onSite, true);
	}

	/** Publishes the article on the site now. */
	@Transactional
	public void publishNow(long id) {
		publish(id, clock.instant());
	}

	/**
	 * Schedules the article to appear on the site at {@code at}, which must be in the
	 * future.
	 * @throws InvalidArticleException if {@code at} has passed or there is no such
	 * article
	 */
	@Transactional
	public void schedule(long id, Instant at) {
		publisher.schedule(id, at);
	}

	/**
	 * Publishes an article brought in from another platform's archive as
	 * {@link #publish(long, Instant, boolean)} does, but does not announce it as
	 * published now: an import of thousands of old posts is not news, and Ghost fires no
	 * webhooks during imports either. A scheduled one is still announced when its time
	 * comes.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publishImported(long id, Instant at, boolean onSite) {
		publisher.publish(id, at, onSite, false);
	}

	/** Takes the article back to draft: it disappears from every page, feed and list. */
	@Transactional
	public void unpublish(long id) {
		publisher.unpublish(id);
	}

}
