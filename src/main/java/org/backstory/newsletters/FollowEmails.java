package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticlePublished;
import org.backstory.publishing.ArticleScheduled;
import org.backstory.publishing.Storyline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues the follow email of an article that joins a storyline: when it goes live on the
 * site (published now, put on the site from email only, or a scheduled article whose time
 * came) while it is in a storyline, a send to the storyline's followers, started at once
 * by the same task, recipients, editions and workers as a newsletter send. An article
 * goes to a storyline's followers once, however often it is unpublished and published
 * again. An article moved into a storyline after it was published, or brought in by a
 * merge, is no news and mails nobody.
 */
@Component
class FollowEmails {

	private static final Logger log = LoggerFactory.getLogger(FollowEmails.class);

	private final ArticleCatalog catalog;

	private final NewsletterRepository newsletters;

	private final SendRepository sends;

	private final FollowRepository follows;

	private final Scheduler scheduler;

	private final Clock clock;

	FollowEmails(ArticleCatalog catalog, NewsletterRepository newsletters, SendRepository sends,
			FollowRepository follows, Scheduler scheduler, Clock clock) {
		this.catalog = catalog;
		this.newsletters = newsletters;
		this.sends = sends;
		this.follows = follows;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Published synchronously in the publishing transaction: the send commits with the
	 * publication or not at all.
	 */
	@EventListener
	void on(ArticlePublished event) {
		catalog.forSending(event.articleId()).ifPresent(this::queue);
	}

	/**
	 * The article goes live by itself at {@code at}, with no code running then: a task at
	 * that time looks.
	 */
	@EventListener
	void on(ArticleScheduled event) {
		scheduler.scheduleIfNotExists(
				NewsletterTasks.FOLLOW_TIME.instance(event.articleId() + "@" + event.at().toEpochMilli())
					.scheduledTo(event.at()));
	}

	/**
	 * The task's work: {@code instanceId} is {@code <article id>@<epoch millis>}. The
	 * article may have been unpublished, published earlier or rescheduled since; only if
	 * it went live at that time is this its moment.
	 */
	void timeCame(String instanceId) {
		int at = instanceId.indexOf('@');
		long articleId = Long.parseLong(instanceId.substring(0, at));
		long scheduledFor = Long.parseLong(instanceId.substring(at + 1));
		catalog.forSending(articleId)
			.filter(article -> article.publishedAt().toEpochMilli() == scheduledFor
					&& !article.publishedAt().isAfter(clock.instant()))
			.ifPresent(this::queue);
	}

	private void queue(Article article) {
		if (!article.onSite() || article.storyline() == null || article.publishedAt().isAfter(clock.instant())) {
			return;
		}
		Optional<Storyline> storyline = catalog.storyline(article.storyline().slug());
		// A storyline nobody follows gets no send at all: the staff's list of sends stays
		// about mail that went.
		if (storyline.isEmpty() || !follows.anyFollowerOf(storyline.get().id())) {
			return;
		}
		Optional<Newsletter> sender = sender();
		if (sender.isEmpty()) {
			log.warn("No follow email article={} reason=no-newsletter-to-send-as", article.id());
			return;
		}
		Instant now = clock.instant();
		sends.insertFollow(article.id(), storyline.get().id(), sender.get().id(), now).ifPresent(id -> {
			scheduler.scheduleIfNotExists(NewsletterTasks.START.instance(String.valueOf(id)).scheduledTo(now));
			startSoon();
			log.info("Follow email queued send={} article={} storyline={}", id, article.id(), storyline.get().id());
		});
	}

	/**
	 * Starts the send once the publication is committed, instead of at the scheduler's
	 * next poll.
	 */
	private void startSoon() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			scheduler.triggerCheckForDueExecutions();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				scheduler.triggerCheckForDueExecutions();
			}
		});
	}

	/**
	 * Follow emails come from the publication's main newsletter's sender: the first
	 * default-on one, else the first.
	 */
	private Optional<Newsletter> sender() {
		return newsletters.all().stream().min(Comparator.comparing((Newsletter n) -> !n.defaultOn()));
	}

}
