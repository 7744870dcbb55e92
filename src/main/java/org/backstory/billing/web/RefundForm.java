package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * A refund form as it goes back to staff: empty (the refundable amount, a fresh attempt
 * id) or as typed.
 *
 * @param paymentId the payment refunded
 * @param amount in major units, e.g. {@code 5.00}
 * @param reason why, for the books
 * @param attempt this form's attempt id: submitting it twice refunds once
 * @param error what went wrong with it, or null
 */
public record RefundForm(long paymentId, String amount, String reason, String attempt, @Nullable String error) {
}
