package org.backstory.billing;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's standing with billing as staff filter the member list by it, from their live
 * subscription (trialing, active, past due, or canceled but paid to the period end), or
 * the gift or comp they read on. A member without one, including one whose subscription
 * is over or whose checkout never finished, is free.
 */
public enum BillingStatus {

	FREE("Free"), PAID("Paid"), TRIALING("Trialing"), PAST_DUE("Past due"), COMPED("Comped"), CANCELED("Canceled"),
	/** Reading on a gift someone else paid for: it ends rather than renews. */
	GIFT("Gift");

	private final String label;

	BillingStatus(String label) {
		this.label = label;
	}

	/** How staff read it, e.g. {@code Past due}. */
	public String label() {
		return label;
	}

	/** The lower-case code used in URLs, e.g. {@code past_due}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status with this {@link #code()}, if any. */
	public static Optional<BillingStatus> fromCode(String code) {
		for (BillingStatus status : values()) {
			if (status.code().equals(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	static BillingStatus of(SubscriptionStatus status, boolean comped, boolean gift) {
		if (comped) {
			return COMPED;
		}
		if (gift) {
			return GIFT;
		}
		return switch (status) {
			case TRIALING -> TRIALING;
			case ACTIVE -> PAID;
			case PAST_DUE -> PAST_DUE;
			case CANCELED -> CANCELED;
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> FREE;
		};
	}

}
