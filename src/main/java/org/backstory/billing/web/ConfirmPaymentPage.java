package org.backstory.billing.web;

import org.backstory.billing.Money;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentRepository.HeldPayment;

/**
 * The page where a member confirms a payment their bank held, as they see it.
 *
 * @param state where the payment stands
 * @param amount what it is for, e.g. {@code $5.00}
 * @param card the card charged, e.g. {@code Visa ending in 3184}
 * @param checkPath where the member comes back to after authenticating
 */
public record ConfirmPaymentPage(long paymentId, State state, String amount, String card,
		PaymentGateway.Authentication authentication, String checkPath) {

	public enum State {

		WAITING, PAID, CLOSED

	}

	static ConfirmPaymentPage of(HeldPayment payment, PaymentGateway.Authentication authentication) {
		State state = payment.waiting() ? State.WAITING : switch (payment.status()) {
			case SUCCEEDED -> State.PAID;
			default -> State.CLOSED;
		};
		String card = payment.cardLast4() == null ? "your card"
				: payment.cardBrand() + " ending in " + payment.cardLast4();
		return new ConfirmPaymentPage(payment.id(), state, Money.format(payment.amount(), payment.currency()), card,
				authentication, BillingMails.confirmationPath(payment.id()) + "/check");
	}

	public boolean withStripeJs() {
		return authentication instanceof PaymentGateway.Authentication.WithStripeJs;
	}

	public PaymentGateway.Authentication.WithStripeJs stripe() {
		return (PaymentGateway.Authentication.WithStripeJs) authentication;
	}

	public boolean onOurPage() {
		return authentication instanceof PaymentGateway.Authentication.OnOurPage;
	}

}
