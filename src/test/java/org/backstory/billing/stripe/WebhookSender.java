package org.backstory.billing.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Delivers webhook payloads to the running app as Stripe does: a JSON POST with a
 * signature header.
 */
final class WebhookSender {

	private final HttpClient client = HttpClient.newHttpClient();

	private final URI endpoint;

	WebhookSender(int port) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/stripe");
	}

	/** Delivers {@code payload} signed with the app's webhook secret just now. */
	HttpResponse<String> deliver(String payload) {
		return deliver(payload,
				StripeStandIn.signatureHeader(payload, Instant.now().getEpochSecond(), StripeStandIn.WEBHOOK_SECRET));
	}

	HttpResponse<String> deliver(String payload, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
			.POST(HttpRequest.BodyPublishers.ofString(payload));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
