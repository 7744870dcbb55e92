package org.backstory.webhooks;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleScheduled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code post.published} for an article that goes live by itself at its scheduled time: a
 * db-scheduler task at that time, scheduled in the scheduling transaction, checks that
 * the article did go live then (it may have been unpublished, published earlier or
 * rescheduled since; each schedule has a task of its own) and queues the body as
 * publishing it by hand would.
 */
@Component
class ScheduledPosts {

	private final Scheduler scheduler;

	private final ArticleCatalog catalog;

	private final WebhookListeners listeners;

	private final Clock clock;

	ScheduledPosts(Scheduler scheduler, ArticleCatalog catalog, WebhookListeners listeners, Clock clock) {
		this.scheduler = scheduler;
		this.catalog = catalog;
		this.listeners = listeners;
		this.clock = clock;
	}

	@EventListener
	void on(ArticleScheduled event) {
		scheduler.scheduleIfNotExists(
				WebhookTasks.SCHEDULED_POST.instance(event.articleId() + "@" + event.at().toEpochMilli())
					.scheduledTo(event.at()));
	}

	/**
	 * The task's work, in a transaction: {@code instanceId} is
	 * {@code <article id>@<epoch millis>}.
	 */
	void timeCame(String instanceId) {
		int at = instanceId.indexOf('@');
		long articleId = Long.parseLong(instanceId.substring(0, at));
		Instant scheduledFor = Instant.ofEpochMilli(Long.parseLong(instanceId.substring(at + 1)));
		catalog.forSending(articleId)
			.filter(article -> article.onSite() && article.publishedAt().toEpochMilli() == scheduledFor.toEpochMilli()
					&& !article.publishedAt().isAfter(clock.instant()))
			.ifPresent(article -> listeners.postPublished(articleId));
	}

}
