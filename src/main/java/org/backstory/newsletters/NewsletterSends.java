package org.backstory.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.backstory.members.MemberDeleted;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends articles to newsletters: schedules a send for the article's publication time,
 * cancels one that has not started, and reports progress to staff.
 */
@Service
public class NewsletterSends {

	private static final Logger log = LoggerFactory.getLogger(NewsletterSends.class);

	private final SendRepository sends;

	private final RecipientRepository recipients;

	private final NewsletterRepository newsletters;

	private final Scheduler scheduler;

	private final StaffActions audit;

	private final EngagementRepository engagement;

	private final Clock clock;

	NewsletterSends(SendRepository sends, RecipientRepository recipients, NewsletterRepository newsletters,
			Scheduler scheduler, StaffActions audit, EngagementRepository engagement, Clock clock) {
		this.sends = sends;
		this.recipients = recipients;
		this.newsletters = newsletters;
		this.scheduler = scheduler;
		this.audit = audit;
		this.engagement = engagement;
		this.clock = clock;
	}

	/**
	 * Schedules the article to go to the newsletter's audience at {@code at} (at once if
	 * that has passed). The recipients are fixed when it starts.
	 * @param staffId who asked, for the record
	 * @return the send's id
	 * @throws InvalidNewsletterException if there is no such newsletter, or the article
	 * already went (or is going) to it
	 */
	@Transactional
	public long schedule(long articleId, long newsletterId, Audience audience, Instant at, @Nullable Long staffId) {
		Newsletter newsletter = newsletters.find(newsletterId)
			.orElseThrow(() -> new InvalidNewsletterException(
					List.of("There is no newsletter with id " + newsletterId + ".")));
		long id = sends.insert(articleId, newsletterId, audience, at, staffId, clock.instant())
			.orElseThrow(() -> new InvalidNewsletterException(
					List.of("This article has already been sent (or is scheduled) to " + newsletter.name() + ".")));
		scheduler.scheduleIfNotExists(NewsletterTasks.START.instance(String.valueOf(id)).scheduledTo(at));
		if (staffId != null) {
			audit.record(staffId, "newsletter.send-scheduled", "send " + id + " of article " + articleId,
					newsletter.name() + ", " + audience.code() + ", at " + at);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// A send due now starts at once instead of at the scheduler's next poll.
				scheduler.triggerCheckForDueExecutions();
				log.info("Newsletter send scheduled send={} article={} newsletter={} audience={} at={}", id, articleId,
						newsletterId, audience.code(), at);
			}
		});
		return id;
	}

	/**
	 * Cancels a send that has not started.
	 * @throws InvalidNewsletterException if it has started or finished already, or does
	 * not exist
	 */
	@Transactional
	public void cancel(long sendId, String reason) {
		if (!sends.cancel(sendId, reason, clock.instant())) {
			throw new InvalidNewsletterException(List.of("Only a send that has not started can be canceled."));
		}
		// The task may be running this instant; it finds the send canceled and does
		// nothing.
		scheduler.getScheduledExecution(TaskInstanceId.of(NewsletterTasks.START.getTaskName(), String.valueOf(sendId)))
			.filter(execution -> !execution.isPicked())
			.ifPresent(execution -> scheduler.cancel(execution.getTaskInstance()));
		log.info("Newsletter send canceled send={}", sendId);
	}

	@Transactional(readOnly = true)
	public Optional<Send> find(long sendId) {
		return sends.find(sendId);
	}

	/** The latest sends, newest first. */
	@Transactional(readOnly = true)
	public List<Send> recent(int limit) {
		return sends.recent(limit);
	}

	/** The sends of one article. */
	@Transactional(readOnly = true)
	public List<Send> ofArticle(long articleId) {
		return sends.ofArticle(articleId);
	}

	/**
	 * How many of a send's recipients are pending, sent, failed, bounced and suppressed.
	 */
	@Transactional(readOnly = true)
	public SendTally tally(long sendId) {
		Map<String, Integer> counts = sends.tally(sendId);
		return new SendTally(counts.getOrDefault("pending", 0), counts.getOrDefault("sent", 0),
				counts.getOrDefault("failed", 0), counts.getOrDefault("bounced", 0),
				counts.getOrDefault("suppressed", 0));
	}

	/** Recipients of a send that were not mailed (or not yet), with the reason. */
	@Transactional(readOnly = true)
	public List<RecipientFailure> failures(long sendId, int limit) {
		return recipients.failures(sendId, limit);
	}

	/**
	 * The editions a send rendered, by key ({@code complete},
	 * {@code preview-subscribe}...).
	 */
	@Transactional(readOnly = true)
	public List<String> editions(long sendId) {
		return sends.editions(sendId);
	}

	/**
	 * An edition's HTML as its recipients get it, with sample links and address in place
	 * of each one's own; a tracked edition's links go straight to their targets and its
	 * pixel loads nothing, so looking at it counts nothing.
	 */
	@Transactional(readOnly = true)
	public Optional<String> editionPreview(long sendId, String edition) {
		return sends.edition(sendId, edition).map(content -> {
			List<String> links = engagement.links(sendId);
			return new Personalization("#unsubscribe", "#preferences", "reader@example.com",
					new Personalization.TrackingUrls() {
						@Override
						public String open() {
							return TrackedLinks.BLANK_PIXEL;
						}

						@Override
						public String click(int position) {
							return position < links.size() ? HtmlUtils.htmlEscape(links.get(position)) : "#";
						}
					})
				.html(content.html());
		});
	}

	/** A deleted member's addresses leave the send records too. */
	@EventListener
	void onDeleted(MemberDeleted event) {
		recipients.deleteMember(event.memberId());
	}

}
