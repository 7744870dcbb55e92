package org.backstory.billing.invoice;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A group licence sold by invoice, with its subscription as it stands.
 *
 * @param managerId the member who manages its seats (and whose subscription it is)
 * @param price what each period is invoiced, every seat included
 * @param paymentTerms days from an invoice's issue to its due date
 */
public record InvoiceLicence(long subscriptionId, long managerId, SubscriptionStatus status, BillingInterval interval,
		long price, String currency, int seats, Instant periodStart, Instant periodEnd, @Nullable Integer anchorDay,
		@Nullable Instant pastDueSince, String institution, String contactEmail, int paymentTerms,
		@Nullable String poNumber, String planName) {

	/** The end of the period after this one, on the anchor day. */
	Instant nextPeriodEnd() {
		return interval.periodEnd(periodEnd, anchorDay == null ? BillingInterval.anchorDay(periodEnd) : anchorDay);
	}

}
