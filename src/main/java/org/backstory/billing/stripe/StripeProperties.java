package org.backstory.billing.stripe;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Stripe. Setting the secret key makes Stripe the payment gateway
 * ({@link PaymentGatewaySelection}).
 *
 * @param secretKey the API secret key, {@code sk_live_…} or {@code sk_test_…}
 * ({@code BACKSTORY_STRIPE_SECRET_KEY})
 * @param webhookSecret the signing secret of the webhook endpoint, {@code whsec_…}
 * ({@code BACKSTORY_STRIPE_WEBHOOK_SECRET}); without it webhook deliveries are refused
 * with 503
 * @param apiBase where Stripe's API is, changed only by tests that stand in for it
 * @param publishableKey the publishable key, {@code pk_live_…} or {@code pk_test_…}
 * ({@code BACKSTORY_STRIPE_PUBLISHABLE_KEY}): Stripe.js needs it on the page where a
 * member confirms a renewal their bank held; without it they are asked to update their
 * card instead
 * @param jsUrl where Stripe.js is loaded from (Stripe requires its own address; changed
 * only by tests that stand in for it)
 */
@ConfigurationProperties("backstory.billing.stripe")
record StripeProperties(@Nullable String secretKey, @Nullable String webhookSecret,
		@DefaultValue("https://api.stripe.com") String apiBase, @Nullable String publishableKey,
		@DefaultValue("https://js.stripe.com/v3/") String jsUrl) {

	boolean webhooksVerifiable() {
		return webhookSecret != null && !webhookSecret.isBlank();
	}

}
