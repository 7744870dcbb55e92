package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * Whether a reader may read a whole article and, if not, what would let them.
 *
 * @param granted true when the whole article may be sent to the reader
 * @param remedy what the reader can do about a refusal; null when granted
 */
public record AccessDecision(boolean granted, @Nullable Remedy remedy) {

	/** What a refused reader can do. Each remedy has its own paywall box. */
	public enum Remedy {

		/** Anonymous reader, members-only article: sign up for free or log in. */
		SIGN_UP,
		/**
		 * Anonymous reader, paid article: subscribe, or log in if already a subscriber.
		 */
		SUBSCRIBE_OR_LOG_IN,
		/**
		 * Anonymous reader, paid article, the anonymous meter used up: sign up free to
		 * keep reading (the registration wall), then the free member's meter applies.
		 */
		REGISTER,
		/** Signed-in reader without a subscription: subscribe. */
		SUBSCRIBE,
		/** A subscription that has ended: renew. */
		RENEW,
		/** Renewal failed and the grace period is over: update the card on file. */
		UPDATE_CARD,
		/** Subscribed to a tier the article is not for: upgrade. */
		UPGRADE

	}

	static final AccessDecision GRANTED = new AccessDecision(true, null);

	static AccessDecision refused(Remedy remedy) {
		return new AccessDecision(false, remedy);
	}

}
