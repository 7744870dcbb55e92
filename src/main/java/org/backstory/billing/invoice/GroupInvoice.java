package org.backstory.billing.invoice;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.jspecify.annotations.Nullable;

/**
 * One invoice of a group licence, with the institution it bills and what it is for.
 *
 * @param number the invoice number, from the sequence receipts are numbered from
 * @param managerId the member who manages the licence's seats
 * @param baseAmount the plan's price for its included seats
 * @param seatPrice the price of each seat beyond the included ones
 * @param amount the total due
 * @param status as stored: open, paid or void
 */
public record GroupInvoice(long id, long number, long subscriptionId, long managerId, String institution,
		String billingAddress, String contactEmail, String planName, BillingInterval interval, Instant periodStart,
		Instant periodEnd, int seats, int includedSeats, long baseAmount, long seatPrice, long amount, String currency,
		@Nullable String poNumber, Instant issuedAt, Instant dueAt, InvoiceStatus status, @Nullable Instant paidAt,
		@Nullable String paidReference, @Nullable Long paymentId, @Nullable Instant voidedAt) {

	/** Seats beyond those the base price includes. */
	public int extraSeats() {
		return Math.max(0, seats - includedSeats);
	}

	/** What the extra seats cost together. */
	public long extraAmount() {
		return amount - baseAmount;
	}

	/**
	 * The status as staff and the manager see it: an open invoice past due is overdue.
	 */
	public InvoiceStatus shownStatus(Instant now) {
		return status == InvoiceStatus.OPEN && !dueAt.isAfter(now) ? InvoiceStatus.OVERDUE : status;
	}

}
