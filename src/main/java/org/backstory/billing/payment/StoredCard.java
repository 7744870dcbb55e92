package org.backstory.billing.payment;

import org.jspecify.annotations.Nullable;

/**
 * A card the gateway holds for us: its token (Stripe: a PaymentMethod id) and the facts
 * that are safe to keep and show. Never the number or the CVC.
 *
 * @param customerId the gateway's customer the card is attached to (Stripe: a Customer
 * id), if it has one
 * @param token the gateway's reference to the card, used to charge it later
 * @param brand e.g. {@code Visa}
 * @param last4 the last four digits
 * @param expMonth 1 to 12
 * @param expYear four digits
 */
public record StoredCard(@Nullable String customerId, String token, String brand, String last4, int expMonth,
		int expYear) {

	public StoredCard {
		if (!last4.matches("[0-9]{4}")) {
			throw new IllegalArgumentException("last4 must be exactly four digits");
		}
		if (expMonth < 1 || expMonth > 12) {
			throw new IllegalArgumentException("expiry month must be 1 to 12");
		}
		if (token.isBlank() || token.length() > 255) {
			throw new IllegalArgumentException("token must be 1 to 255 characters");
		}
	}

	/** What the account page shows. */
	public CardOnFile onFile() {
		return new CardOnFile(brand, last4, expMonth, expYear);
	}

}
