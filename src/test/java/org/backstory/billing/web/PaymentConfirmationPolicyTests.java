package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy of the page where a member confirms a held payment with
 * Stripe.js: the reader pages' policy plus exactly what Stripe documents Stripe.js needs.
 */
class PaymentConfirmationPolicyTests {

	@Test
	void stripeJsMayLoadFrameTheBanksCheckAndCallStripesApi() {
		assertThat(PaymentConfirmationController.withStripeJs("https://js.stripe.com/v3/"))
			.isEqualTo("default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self'; "
					+ "img-src 'self' data: https:; frame-src https://js.stripe.com https://hooks.stripe.com; "
					+ "connect-src 'self' https://api.stripe.com; object-src 'none'; base-uri 'none'; "
					+ "form-action 'self'; frame-ancestors 'self'");
	}

}
