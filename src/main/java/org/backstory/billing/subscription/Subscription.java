package org.backstory.billing.subscription;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Entitlement;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.payment.Discount;
import org.jspecify.annotations.Nullable;

/**
 * A subscription row, with its plan's code and name when it has a plan.
 *
 * @param trialEnd the end of the free trial, if it had one
 * @param giftId the gift it was redeemed from; such a subscription does not renew
 * @param discount a coupon's terms, copied when it was redeemed; {@link Discount#NONE}
 * without a coupon
 * @param seats the seats of a group subscription, the manager's own included; null for
 * any other subscription
 * @param invoiced whether it is a group licence paid by invoice, never charged by card
 */
public record Subscription(long id, long memberId, @Nullable Long planId, @Nullable String planCode,
		@Nullable String planName, String tier, @Nullable BillingInterval interval, @Nullable Long price,
		@Nullable String currency, SubscriptionStatus status, boolean comped, Instant currentPeriodStart,
		@Nullable Instant currentPeriodEnd, @Nullable Instant pastDueSince, @Nullable Instant trialEnd,
		@Nullable Long giftId, Discount discount, @Nullable Integer seats, boolean invoiced) {

	/**
	 * The facts the access policy decides from. A comp reads as {@code COMPED} while it
	 * runs; an unfinished checkout grants nothing.
	 */
	Entitlement entitlement() {
		Entitlement.Status reported = switch (status) {
			case INCOMPLETE, INCOMPLETE_EXPIRED -> Entitlement.Status.NONE;
			case TRIALING -> Entitlement.Status.TRIALING;
			case ACTIVE -> comped ? Entitlement.Status.COMPED : Entitlement.Status.ACTIVE;
			case PAST_DUE -> Entitlement.Status.PAST_DUE;
			case CANCELED -> Entitlement.Status.CANCELED;
			case EXPIRED -> Entitlement.Status.EXPIRED;
		};
		if (reported == Entitlement.Status.NONE) {
			return Entitlement.none();
		}
		return new Entitlement(reported, tier, currentPeriodEnd, pastDueSince,
				invoiced ? Entitlement.Payment.INVOICE : Entitlement.Payment.CARD);
	}

	public SubscriptionSummary summary() {
		return new SubscriptionSummary(id, planCode, planName, tier, interval, price == null ? 0 : price, currency,
				status, comped, currentPeriodStart, currentPeriodEnd, pastDueSince, giftId != null, invoiced);
	}

}
