package org.backstory.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.api.GhostPosts;
import org.backstory.billing.PaymentRefunded;
import org.backstory.billing.PaymentSucceeded;
import org.backstory.billing.SubscriptionChanged;
import org.backstory.members.MemberDeleted;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberEdited;
import org.backstory.members.MemberRegistered;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleDeleted;
import org.backstory.publishing.ArticlePublished;
import org.backstory.publishing.ArticleUnpublished;
import org.backstory.publishing.PublishedArticleEdited;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into queued deliveries. Every listener runs
 * synchronously inside the transaction of the change it reports, so the delivery rows
 * commit with the change or not at all (the outbox); when no active webhook wants an
 * event, nothing is built.
 */
@Component
class WebhookListeners {

	private final Outbox outbox;

	private final Envelope envelope;

	private final HookRepository hooks;

	private final PostObject posts;

	private final MemberObject members;

	private final ArticleCatalog catalog;

	private final MemberDirectory directory;

	WebhookListeners(Outbox outbox, Envelope envelope, HookRepository hooks, PostObject posts, MemberObject members,
			ArticleCatalog catalog, MemberDirectory directory) {
		this.outbox = outbox;
		this.envelope = envelope;
		this.hooks = hooks;
		this.posts = posts;
		this.members = members;
		this.catalog = catalog;
		this.directory = directory;
	}

	@EventListener
	void on(ArticlePublished event) {
		postPublished(event.articleId());
	}

	/**
	 * Queues {@code post.published} for an article that is live now
	 * ({@link ScheduledPosts} too).
	 */
	void postPublished(long articleId) {
		post(WebhookEvent.POST_PUBLISHED, articleId, "published");
	}

	@EventListener
	void on(PublishedArticleEdited event) {
		post(WebhookEvent.POST_PUBLISHED_EDITED, event.articleId(), "published");
	}

	@EventListener
	void on(ArticleUnpublished event) {
		post(WebhookEvent.POST_UNPUBLISHED, event.articleId(), event.status());
	}

	/**
	 * Published before the article's row goes, so the article can still be described as
	 * it was.
	 */
	@EventListener
	void on(ArticleDeleted event) {
		hooks.deleteSnapshot("post", event.articleId());
		if (outbox.wanted(WebhookEvent.POST_DELETED)) {
			catalog.inAnyStatus(event.articleId())
				.ifPresent(article -> outbox.record(WebhookEvent.POST_DELETED,
						() -> envelope.removed("post", event.articleId(), posts.of(article, event.status()))));
		}
	}

	@EventListener
	void on(MemberRegistered event) {
		member(WebhookEvent.MEMBER_ADDED, event.memberId());
	}

	@EventListener
	void on(MemberEdited event) {
		member(WebhookEvent.MEMBER_EDITED, event.memberId());
	}

	/** Published before the member's row goes, so the member can still be described. */
	@EventListener
	void on(MemberDeleted event) {
		hooks.deleteSnapshot("member", event.memberId());
		if (outbox.wanted(WebhookEvent.MEMBER_DELETED)) {
			members.of(event.memberId())
				.ifPresent(member -> outbox.record(WebhookEvent.MEMBER_DELETED,
						() -> envelope.removed("member", event.memberId(), member)));
		}
	}

	@EventListener
	void on(SubscriptionChanged event) {
		WebhookEvent webhookEvent = switch (event.change()) {
			case STARTED -> WebhookEvent.SUBSCRIPTION_STARTED;
			case PAST_DUE -> WebhookEvent.SUBSCRIPTION_PAST_DUE;
			case CANCELED -> WebhookEvent.SUBSCRIPTION_CANCELED;
		};
		outbox.record(webhookEvent, () -> {
			Map<String, Object> subscription = new LinkedHashMap<>();
			subscription.put("id", String.valueOf(event.subscriptionId()));
			subscription.put("member", memberReference(event.memberId()));
			subscription.put("status", event.status());
			subscription.put("tier", event.tier());
			subscription.put("kind", event.kind());
			subscription.put("interval", event.interval());
			subscription.put("amount", event.amount());
			subscription.put("currency", event.currency());
			subscription.put("current_period_end", GhostPosts.date(event.currentPeriodEnd()));
			subscription.put("changed_at", GhostPosts.date(event.at()));
			return envelope.plain("subscription", subscription);
		});
	}

	@EventListener
	void on(PaymentSucceeded event) {
		outbox.record(WebhookEvent.PAYMENT_SUCCEEDED, () -> {
			Map<String, Object> payment = new LinkedHashMap<>();
			payment.put("id", String.valueOf(event.paymentId()));
			payment.put("member", event.memberId() == null ? null : memberReference(event.memberId()));
			payment.put("subscription_id",
					event.subscriptionId() == null ? null : String.valueOf(event.subscriptionId()));
			payment.put("purpose", event.purpose());
			payment.put("amount", event.amount());
			payment.put("currency", event.currency());
			payment.put("status", "succeeded");
			payment.put("created_at", GhostPosts.date(event.at()));
			return envelope.plain("payment", payment);
		});
	}

	@EventListener
	void on(PaymentRefunded event) {
		outbox.record(WebhookEvent.PAYMENT_REFUNDED, () -> {
			Map<String, Object> refund = new LinkedHashMap<>();
			refund.put("id", String.valueOf(event.refundId()));
			refund.put("payment_id", String.valueOf(event.paymentId()));
			refund.put("amount", event.amount());
			refund.put("currency", event.currency());
			refund.put("created_at", GhostPosts.date(event.at()));
			return envelope.plain("refund", refund);
		});
	}

	private void post(WebhookEvent event, long articleId, String status) {
		if (!hooks.anyActiveFor("post.")) {
			return;
		}
		catalog.inAnyStatus(articleId).ifPresent(article -> {
			String body = envelope.changed("post", articleId, posts.of(article, status));
			outbox.record(event, () -> body);
		});
	}

	private void member(WebhookEvent event, long memberId) {
		if (!hooks.anyActiveFor("member.")) {
			return;
		}
		members.of(memberId).ifPresent(member -> {
			String body = envelope.changed("member", memberId, member);
			outbox.record(event, () -> body);
		});
	}

	private @Nullable Map<String, Object> memberReference(long memberId) {
		return directory.profile(memberId).map(MemberObject::reference).orElse(null);
	}

}
