package org.backstory.billing;

/**
 * One line of a member's billing history.
 *
 * @param description what the payment was for, e.g. {@code Supporter, yearly}
 */
public record BillingEntry(PaymentRecord payment, String description) {
}
