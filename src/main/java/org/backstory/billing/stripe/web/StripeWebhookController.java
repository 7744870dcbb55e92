package org.backstory.billing.stripe.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.billing.Receipt;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.backstory.billing.stripe.StripeWebhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. It exists only when Stripe is the gateway (otherwise the
 * path is a 404), takes no session and no CSRF token (the signature authenticates the
 * delivery), and answers 200 once the event is stored, 400 with a reason when the
 * delivery is not signed by Stripe just now, and 503 when no signing secret is
 * configured, so Stripe keeps retrying until one is.
 */
@RestController
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeWebhookController {

	/** Stripe's events are a few kilobytes; anything far larger is not one. */
	private static final int MAX_PAYLOAD = 1024 * 1024;

	private final StripeWebhooks webhooks;

	StripeWebhookController(StripeWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/webhooks/stripe")
	ResponseEntity<String> receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) throws IOException {
		byte[] payload = request.getInputStream().readNBytes(MAX_PAYLOAD + 1);
		if (payload.length > MAX_PAYLOAD) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "payload too large");
		}
		StripeWebhooks.Receipt receipt = webhooks.receive(payload, signature);
		if (receipt instanceof StripeWebhooks.Receipt.Rejected rejected) {
			return answer(HttpStatus.BAD_REQUEST, rejected.reason());
		}
		if (receipt instanceof StripeWebhooks.Receipt.NotConfigured) {
			return answer(HttpStatus.SERVICE_UNAVAILABLE, "webhook signing secret not configured");
		}
		return answer(HttpStatus.OK, receipt instanceof StripeWebhooks.Receipt.Duplicate ? "duplicate" : "stored");
	}

	private static ResponseEntity<String> answer(HttpStatus status, String text) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
	}

}
