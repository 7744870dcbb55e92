package org.backstory.billing.subscription;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A subscription about to be inserted, made by one of the ways a subscription can begin.
 */
public record NewSubscription(long memberId, @Nullable Long planId, String tier, @Nullable BillingInterval interval,
		@Nullable Long price, @Nullable String currency, SubscriptionStatus status, boolean comped, Instant periodStart,
		@Nullable Instant periodEnd, @Nullable Instant pastDueSince, @Nullable Integer seats) {

	/**
	 * When the renewal run must look at it first: at the period end, or at once if a
	 * charge is owed.
	 */
	@Nullable Instant dueAt() {
		return switch (status) {
			case PAST_DUE -> pastDueSince;
			case TRIALING, ACTIVE, CANCELED -> periodEnd;
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> null;
		};
	}

	/**
	 * A checkout that has not been paid for yet; a group plan's with the seats it is
	 * priced for ({@link PlanCatalog.StoredPlan#forSeats}).
	 */
	public static NewSubscription checkout(long memberId, PlanCatalog.StoredPlan plan, BillingInterval interval,
			Instant now) {
		return new NewSubscription(memberId, plan.id(), plan.plan().tier(), interval, plan.plan().price(interval),
				plan.plan().currency(), SubscriptionStatus.INCOMPLETE, false, now, null, null, plan.seats());
	}

	/** A subscription brought over from another platform, as it stands there. */
	public static NewSubscription imported(ImportedSubscription imported, PlanCatalog.StoredPlan plan) {
		return new NewSubscription(imported.memberId(), plan.id(), plan.plan().tier(), imported.interval(),
				plan.plan().price(imported.interval()), plan.plan().currency(), imported.status(), false,
				imported.currentPeriodStart(), imported.currentPeriodEnd(), imported.pastDueSince(), null);
	}

	/**
	 * A redeemed gift: the plan at its monthly price, paid until {@code end}. Mark it as
	 * a gift once inserted ({@link SubscriptionRepository#markGift}), so it ends then
	 * instead of renewing.
	 */
	public static NewSubscription gift(long memberId, PlanCatalog.StoredPlan plan, Instant now, Instant end) {
		return new NewSubscription(memberId, plan.id(), plan.plan().tier(), BillingInterval.MONTH,
				plan.plan().monthlyPrice(), plan.plan().currency(), SubscriptionStatus.ACTIVE, false, now, end, null,
				null);
	}

	/** Free access to a tier granted by staff, until a date or without end. */
	public static NewSubscription comp(long memberId, String tier, Instant now, @Nullable Instant until) {
		return new NewSubscription(memberId, null, tier, null, null, null, SubscriptionStatus.ACTIVE, true, now, until,
				null, null);
	}

}
