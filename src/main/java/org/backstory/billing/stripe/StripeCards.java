package org.backstory.billing.stripe;

import java.util.Locale;
import java.util.Map;

import org.backstory.billing.card.GatewayEvents;
import org.jspecify.annotations.Nullable;

/** Stripe's card facts as members read them. */
final class StripeCards {

	private static final Map<String, String> BRANDS = Map.of("visa", "Visa", "mastercard", "Mastercard", "amex",
			"American Express", "discover", "Discover", "diners", "Diners Club", "jcb", "JCB", "unionpay", "UnionPay",
			"cartes_bancaires", "Cartes Bancaires", "eftpos_au", "eftpos Australia");

	private StripeCards() {
	}

	/**
	 * Stripe's brand code ({@code visa}, {@code amex}, …) as a name, e.g.
	 * {@code American Express}.
	 */
	static String brandName(@Nullable String code) {
		if (code == null || code.isBlank() || code.equals("unknown")) {
			return "Card";
		}
		String known = BRANDS.get(code.toLowerCase(Locale.ROOT));
		if (known != null) {
			return known;
		}
		String name = code.replace('_', ' ');
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

	static GatewayEvents.CardFacts facts(@Nullable String brand, String last4, long expMonth, long expYear) {
		return new GatewayEvents.CardFacts(brandName(brand), last4, Math.toIntExact(expMonth),
				Math.toIntExact(expYear));
	}

}
