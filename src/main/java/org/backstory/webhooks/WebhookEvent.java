package org.backstory.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook can be added for: Ghost's names for articles ("posts") and
 * members, and Backstory's own for subscriptions and payments.
 */
public enum WebhookEvent {

	POST_PUBLISHED("post.published", "An article goes live on the site"),
	POST_PUBLISHED_EDITED("post.published.edited", "A live article is saved again"),
	POST_UNPUBLISHED("post.unpublished", "A live article leaves the site"),
	POST_DELETED("post.deleted", "An article is deleted"),
	MEMBER_ADDED("member.added", "A member signs up or is added"),
	MEMBER_EDITED("member.edited", "A member's name, address, note or labels change"),
	MEMBER_DELETED("member.deleted", "A member is deleted"),
	SUBSCRIPTION_STARTED("subscription.started", "A subscription, trial, comp or gift starts"),
	SUBSCRIPTION_PAST_DUE("subscription.past_due", "A renewal charge is declined"),
	SUBSCRIPTION_CANCELED("subscription.canceled", "A subscription is canceled"),
	PAYMENT_SUCCEEDED("payment.succeeded", "A charge succeeds"),
	PAYMENT_REFUNDED("payment.refunded", "A refund is made");

	private final String key;

	private final String description;

	WebhookEvent(String key, String description) {
		this.key = key;
		this.description = description;
	}

	/** The name receivers see, e.g. {@code post.published}. */
	public String key() {
		return key;
	}

	/** What makes it fire, for the admin page. */
	public String description() {
		return description;
	}

	/** The event with this name. */
	public static Optional<WebhookEvent> of(String key) {
		return Arrays.stream(values()).filter(event -> event.key.equals(key)).findFirst();
	}

}
