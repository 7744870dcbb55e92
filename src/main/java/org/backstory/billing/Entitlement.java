package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a member's subscription says about them right now: the facts the access policy
 * decides from. Billing reports the state; whether that state still grants access (grace
 * periods, period ends) is the access policy's decision.
 *
 * @param status the subscription's state, {@link Status#NONE} for a member who never
 * subscribed
 * @param tier the tier code the subscription is for (null for {@link Status#NONE})
 * @param paidThrough end of the period paid for (or of a comp; null for a comp without
 * end)
 * @param pastDueSince when the first failed renewal charge happened, for
 * {@link Status#PAST_DUE}
 * @param payment who settles a failed payment: the member by card, the member's
 * institution by invoice, or the manager of the group whose seat the member holds
 */
public record Entitlement(Status status, @Nullable String tier, @Nullable Instant paidThrough,
		@Nullable Instant pastDueSince, Payment payment) {

	/** An entitlement the member pays for by card (or that needs no payment). */
	public Entitlement(Status status, @Nullable String tier, @Nullable Instant paidThrough,
			@Nullable Instant pastDueSince) {
		this(status, tier, paidThrough, pastDueSince, Payment.CARD);
	}

	/** This entitlement as a holder of one of its group's seats has it. */
	public Entitlement throughSeat() {
		return new Entitlement(status, tier, paidThrough, pastDueSince, Payment.SEAT);
	}

	/**
	 * Who settles the subscription's payments, so a warning about a failed one names what
	 * the reader can do.
	 */
	public enum Payment {

		/** The member, by card. */
		CARD,
		/** The member's institution, by a group licence's invoice. */
		INVOICE,
		/** The manager of the group whose seat the member holds. */
		SEAT

	}

	/** The subscription states the access policy distinguishes. */
	public enum Status {

		/** Never subscribed, or checkout not finished. */
		NONE,
		/** In a free trial. */
		TRIALING,
		/** Paid and current. */
		ACTIVE,
		/** The last renewal charge failed; retries are under way. */
		PAST_DUE,
		/** Canceled by the member; paid until {@code paidThrough}. */
		CANCELED,
		/** Ended: canceled and past its period, or retries ran out. */
		EXPIRED,
		/** Granted by staff without payment. */
		COMPED

	}

	public static Entitlement none() {
		return new Entitlement(Status.NONE, null, null, null);
	}

}
