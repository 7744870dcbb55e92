package org.backstory.billing.stripe;

import java.util.Map;

import org.backstory.billing.payment.PaymentGateway;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's decline and error codes as sentences for members. Stripe's own messages are
 * partly written for developers (the one for {@code authentication_required} names API
 * parameters), so members read ours.
 */
final class StripeDeclines {

	static final String DEFAULT = "Your card was declined.";

	private static final Map<String, String> MESSAGES = Map.ofEntries(
			Map.entry("insufficient_funds", "Your card has insufficient funds."),
			Map.entry("expired_card", "Your card has expired. Please update your card."),
			Map.entry("incorrect_cvc", "Your card's security code is incorrect."),
			Map.entry("incorrect_number", "Your card number is incorrect."), Map.entry("lost_card", DEFAULT),
			Map.entry("stolen_card", DEFAULT),
			Map.entry("processing_error", "An error occurred while processing your card. Please try again."),
			Map.entry("authentication_required",
					"Your bank asked to confirm this payment. Please add your card again to confirm it."),
			Map.entry("card_velocity_exceeded", "Your card was declined: it has reached its limit. Try another card."),
			Map.entry("card_not_found", "The card on file could not be found. Please add your card again."));

	private StripeDeclines() {
	}

	/**
	 * A decline with the most specific code Stripe gave: the decline code (e.g.
	 * {@code insufficient_funds}) before the error code (e.g. {@code card_declined}).
	 */
	static PaymentGateway.ChargeResult.Declined declined(@Nullable String chargeId, @Nullable String code,
			@Nullable String declineCode) {
		String reason = declineCode != null && !declineCode.isBlank() ? declineCode
				: code != null && !code.isBlank() ? code : "card_declined";
		return new PaymentGateway.ChargeResult.Declined(chargeId, reason, message(reason));
	}

	static String message(String code) {
		return MESSAGES.getOrDefault(code, DEFAULT);
	}

}
