package org.backstory.billing.invoice;

import java.time.LocalDate;

import org.backstory.billing.BillingInterval;
import org.jspecify.annotations.Nullable;

/**
 * Staff selling a group licence to an institution that pays by invoice.
 *
 * @param managerEmail the member who manages the seats: an existing account, or a new one
 * made for this address (they sign in with an emailed link)
 * @param managerName the name a new manager's account gets
 * @param seats seats bought, the manager's own included (raised to the plan's included
 * seats)
 * @param startDate the first day of the first period (UTC)
 * @param paymentTerms days from an invoice's issue to its due date
 * @param poNumber the institution's purchase order number, printed on every invoice
 */
public record LicenceSale(String institution, String billingAddress, String contactEmail, String managerEmail,
		String managerName, String planCode, int seats, BillingInterval interval, LocalDate startDate, int paymentTerms,
		@Nullable String poNumber) {

	/** Payment terms when staff give none: 30 days, as invoices usually are. */
	public static final int DEFAULT_PAYMENT_TERMS = 30;

}
