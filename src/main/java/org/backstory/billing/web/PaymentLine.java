package org.backstory.billing.web;

import org.backstory.billing.BillingEntry;
import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.jspecify.annotations.Nullable;

/**
 * One payment in a billing history.
 *
 * @param id the payment's id
 * @param date when it was made, e.g. {@code 29 November 2026}
 * @param description what it was for, e.g. {@code Supporter, monthly}
 * @param amount e.g. {@code $5.00}
 * @param status {@code Paid}, {@code Declined} or {@code Processing}
 * @param refunded what was given back, e.g. {@code $2.00}; null when nothing
 * @param refundable what may still be given back, in minor units
 * @param refundableText the same as a number to type, e.g. {@code 3.00}
 * @param receiptHref the receipt's address, for a payment that took money
 * @param failureReason why it was declined, if it was
 */
public record PaymentLine(long id, String date, String description, String amount, String status,
		@Nullable String refunded, long refundable, String refundableText, @Nullable String receiptHref,
		@Nullable String failureReason) {

	static PaymentLine of(BillingEntry entry) {
		PaymentRecord payment = entry.payment();
		String status = switch (payment.status()) {
			case "succeeded" -> payment.refundedAmount() == 0 ? "Paid"
					: payment.refundedAmount() == payment.amount() ? "Refunded" : "Partly refunded";
			case "failed" -> "Declined";
			default -> "Processing";
		};
		return new PaymentLine(payment.id(), Pages.date(payment.createdAt()), entry.description(),
				Money.format(payment.amount(), payment.currency()), status,
				payment.refundedAmount() == 0 ? null : Money.format(payment.refundedAmount(), payment.currency()),
				payment.refundable(), AmountField.plain(payment.refundable(), payment.currency()),
				payment.succeeded() ? "/account/payments/" + payment.id() : null,
				"failed".equals(payment.status()) ? payment.failureReason() : null);
	}

}
