package org.backstory.access;

/**
 * Where a reader stands, as far as reading is concerned. Derived from their entitlement
 * at a moment.
 */
public enum ReaderState {

	/** Not signed in. */
	ANONYMOUS,
	/** Signed in, never subscribed. */
	FREE,
	/** Paid and current. */
	PAID_ACTIVE,
	/** In a free trial. */
	TRIALING,
	/** The last renewal charge failed, still inside the grace period. */
	PAST_DUE_IN_GRACE,
	/** The last renewal charge failed and the grace period is over. */
	PAST_DUE_BEYOND_GRACE,
	/** Canceled, but the paid period has not ended yet. */
	CANCELED_IN_PERIOD,
	/** The subscription (or comp, or trial) has ended. */
	EXPIRED,
	/** Granted by staff without payment. */
	COMPED,
	/**
	 * An editor, administrator or owner: they edit every article, so they read every
	 * article.
	 */
	STAFF,
	/**
	 * A search engine's crawler whose address was verified ({@link VerifiedCrawlers}): it
	 * reads every article whole, the gated part inside the wrapper the structured data
	 * names, so it indexes what subscribers read; never metered and never a shared
	 * cache's to keep.
	 */
	VERIFIED_CRAWLER,
	/**
	 * Anyone holding a gift link (issue 16 §2) that is valid on their browser, reading
	 * the article the link was made for: reads it whole, never metered.
	 * {@link ArticleGate} makes this state only for that one article, and only for a
	 * reader the policy would otherwise refuse.
	 */
	GIFTED;

	/** Whether this state carries the rights of a paying subscriber. */
	boolean paying() {
		return this == PAID_ACTIVE || this == TRIALING || this == PAST_DUE_IN_GRACE || this == CANCELED_IN_PERIOD
				|| this == COMPED;
	}

}
