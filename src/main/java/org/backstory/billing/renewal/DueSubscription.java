package org.backstory.billing.renewal;

import java.time.Instant;
import java.util.Objects;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.payment.StoredCard;
import org.jspecify.annotations.Nullable;

/**
 * A subscription the renewal run has claimed because something is due: its period ended
 * (renew it, or end it) or a retry of a declined charge is due.
 *
 * @param anchorDay the day of the month the cycle renews on, or null to renew on the
 * period start's day
 * @param card the member's card on file, if any
 */
record DueSubscription(long id, long memberId, SubscriptionStatus status, boolean comped, boolean renews,
		@Nullable BillingInterval interval, @Nullable Long price, @Nullable String currency, Instant periodStart,
		@Nullable Instant periodEnd, @Nullable Integer anchorDay, @Nullable Instant pastDueSince, int failedAttempts,
		long creditBalance, Discount discount, @Nullable StoredCard card) {

	/**
	 * Canceled subscriptions, comps and gifts end when their period does instead of
	 * renewing.
	 */
	boolean endsNow() {
		return status == SubscriptionStatus.CANCELED || comped || !renews;
	}

	/**
	 * Start of the period the next charge pays for: right where the paid one ends, so no
	 * day is lost or doubled.
	 */
	Instant nextPeriodStart() {
		return Objects.requireNonNull(periodEnd, "a renewing subscription has a period end");
	}

	/**
	 * End of the next period: on the anchor day, so a cycle begun on the 31st comes back
	 * to the 31st after a shorter month.
	 */
	Instant nextPeriodEnd() {
		Instant start = nextPeriodStart();
		return Objects.requireNonNull(interval)
			.periodEnd(start, anchorDay == null ? BillingInterval.anchorDay(start) : anchorDay);
	}

	/**
	 * The charge for the next period: list price, less the discount, less credit owed to
	 * the member.
	 */
	ChargeAmount nextCharge() {
		return discount.apply(Objects.requireNonNull(price), nextPeriodStart()).withCredit(creditBalance);
	}

	/**
	 * The idempotency key of this period's next charge attempt. One key per
	 * (subscription, period, attempt): a second run or a retried call for the same
	 * attempt reuses it, so the gateway charges once; a retry days after a decline is a
	 * new attempt, since the gateway answers a reused key with the old decline.
	 */
	String idempotencyKey() {
		return "renewal-" + id + "-" + nextPeriodStart().getEpochSecond() + "-" + (failedAttempts + 1);
	}

}
