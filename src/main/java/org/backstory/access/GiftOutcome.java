package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * What a press of "Gift this article" did.
 *
 * @param result what happened
 * @param token the link's token when one was given (new or again), else null
 */
public record GiftOutcome(Result result, @Nullable String token) {

	/** What happened. */
	public enum Result {

		/** A new link, which used one of this month's gifts (staff use none). */
		GIVEN,
		/** The link made for this article earlier this month, at no cost. */
		GIVEN_AGAIN,
		/** This month's gifts are used up. */
		ALLOWANCE_USED_UP,
		/** Only subscribers and staff gift articles. */
		NOT_ALLOWED,
		/** Anyone may read this article already. */
		FREE_TO_READ

	}

	static GiftOutcome refused(Result result) {
		return new GiftOutcome(result, null);
	}

}
