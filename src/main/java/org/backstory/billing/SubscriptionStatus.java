package org.backstory.billing;

import java.util.Locale;

/** Where a subscription is in its life, following Stripe's statuses. */
public enum SubscriptionStatus {

	/** Checkout started, first payment not (yet) made. Grants nothing. */
	INCOMPLETE,
	/** A checkout that was never paid for and has been set aside. Grants nothing. */
	INCOMPLETE_EXPIRED,
	/** In a free trial. */
	TRIALING,
	/** Paid and current. */
	ACTIVE,
	/** A renewal charge failed; retries are under way. */
	PAST_DUE,
	/** Canceled; paid until the end of the current period. */
	CANCELED,
	/** Over. */
	EXPIRED;

	/** The lower-case code stored in the database, e.g. {@code past_due}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SubscriptionStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
