package org.backstory.billing.subscription;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.backstory.billing.SubscriptionStatus;

import static org.backstory.billing.SubscriptionStatus.ACTIVE;
import static org.backstory.billing.SubscriptionStatus.CANCELED;
import static org.backstory.billing.SubscriptionStatus.EXPIRED;
import static org.backstory.billing.SubscriptionStatus.INCOMPLETE;
import static org.backstory.billing.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static org.backstory.billing.SubscriptionStatus.PAST_DUE;
import static org.backstory.billing.SubscriptionStatus.TRIALING;

/**
 * Every status change a subscription may make, in one table: which happenings are allowed
 * from which statuses, and where each leads. Code that changes a status asks here first,
 * so a happening that does not fit the current status (cancelling twice, resuming what
 * was never canceled) is refused the same way everywhere.
 */
public enum SubscriptionLifecycle {

	/** The first charge at checkout succeeded. */
	CHECKOUT_PAID(ACTIVE, INCOMPLETE),
	/** Checkout took a card for a free trial. */
	TRIAL_STARTED(TRIALING, INCOMPLETE),
	/** An unfinished checkout was set aside. */
	CHECKOUT_ABANDONED(INCOMPLETE_EXPIRED, INCOMPLETE),
	/**
	 * A renewal charge (or a retry of one, or the first charge after a trial) succeeded.
	 */
	RENEWAL_PAID(ACTIVE, TRIALING, ACTIVE, PAST_DUE),
	/** A renewal charge was declined and retries remain. */
	RENEWAL_DECLINED(PAST_DUE, TRIALING, ACTIVE, PAST_DUE),
	/** The last retry was declined. */
	RETRIES_EXHAUSTED(EXPIRED, PAST_DUE),
	/**
	 * The member cancels: access runs to the end of the period paid for (or of the
	 * trial).
	 */
	MEMBER_CANCELS(CANCELED, TRIALING, ACTIVE),
	/**
	 * The member cancels while a renewal is unpaid: there is no paid period left to run
	 * out, so it ends now and the retries stop.
	 */
	MEMBER_CANCELS_UNPAID(EXPIRED, PAST_DUE),
	/** The member takes back a cancellation of a paid period. */
	RESUMED(ACTIVE, CANCELED),
	/** The member takes back a cancellation during a trial. */
	RESUMED_TRIAL(TRIALING, CANCELED),
	/** A canceled subscription, a comp or a gift reached the end of its period. */
	PERIOD_ENDED(EXPIRED, CANCELED, ACTIVE),
	/** Staff end a subscription at once. */
	STAFF_CANCELS(EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED),
	/** The member moves to another plan or interval; the status stays as it is. */
	PLAN_CHANGED(null, TRIALING, ACTIVE);

	private final SubscriptionStatus to;

	private final Set<SubscriptionStatus> from;

	/**
	 * @param to where it leads, or null to stay in the status it came from
	 */
	SubscriptionLifecycle(SubscriptionStatus to, SubscriptionStatus first, SubscriptionStatus... more) {
		this.to = to;
		this.from = EnumSet.of(first, more);
	}

	/**
	 * The status after this happening, or empty when it may not happen in
	 * {@code current}.
	 */
	public Optional<SubscriptionStatus> from(SubscriptionStatus current) {
		if (!from.contains(current)) {
			return Optional.empty();
		}
		return Optional.of(to == null ? current : to);
	}

	/**
	 * The status after this happening, or a {@link SubscriptionChangeRefused} with a
	 * reason for the member.
	 */
	public SubscriptionStatus require(SubscriptionStatus current) {
		return from(current).orElseThrow(() -> new SubscriptionChangeRefused(refusal(current)));
	}

	private String refusal(SubscriptionStatus current) {
		return switch (current) {
			case CANCELED -> switch (this) {
				case MEMBER_CANCELS -> "Your subscription is already canceled.";
				case PLAN_CHANGED -> "Resume your subscription before changing your plan.";
				default -> "Your subscription is canceled.";
			};
			case EXPIRED, INCOMPLETE_EXPIRED -> "Your subscription has ended.";
			case INCOMPLETE -> "Your subscription hasn't started yet.";
			case PAST_DUE -> this == PLAN_CHANGED ? "Update your card on file before changing your plan."
					: "Your last payment didn't go through.";
			case TRIALING, ACTIVE -> this == RESUMED || this == RESUMED_TRIAL ? "Your subscription is not canceled."
					: "Your subscription is " + current.code() + ".";
		};
	}

}
