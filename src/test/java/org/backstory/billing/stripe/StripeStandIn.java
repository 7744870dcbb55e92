package org.backstory.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A local stand-in for Stripe: a WireMock server answering with the JSON shapes of
 * Stripe's API reference, and webhook payloads signed the way Stripe signs them. Ids made
 * here are unique per JVM run, since the test database is shared and never reset.
 */
final class StripeStandIn {

	static final String SECRET_KEY = "sk_test_standin";

	static final String WEBHOOK_SECRET = "whsec_standin_secret";

	static final String PUBLISHABLE_KEY = "pk_test_standin";

	/** Where Stripe.js is; never loaded by tests that do not run a browser. */
	static final String JS_URL = "https://js.stripe.com/v3/";

	private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

	private static WireMockServer shared;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private StripeStandIn() {
	}

	/**
	 * The stand-in all Spring tests with the Stripe gateway share (their app context is
	 * shared too).
	 */
	static synchronized WireMockServer shared() {
		if (shared == null) {
			shared = new WireMockServer(options().dynamicPort());
			shared.start();
		}
		return shared;
	}

	/**
	 * Points the app's Stripe client, and the pages that load Stripe.js, at the shared
	 * stand-in.
	 */
	static final class ApiBase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("backstory.billing.stripe.api-base=" + shared().baseUrl(),
						"backstory.billing.stripe.js-url=" + shared().baseUrl() + STRIPE_JS_PATH)
				.applyTo(context);
			stripeJs(shared());
		}

	}

	/** Where the stand-in serves its Stripe.js. */
	static final String STRIPE_JS_PATH = "/v3/";

	/**
	 * The stand-in's Stripe.js:
	 * {@code Stripe(key).confirmCardPayment(clientSecret, data)} confirms the
	 * PaymentIntent the way Stripe.js does, with a POST to
	 * {@code /v1/payment_intents/{id}/confirm} carrying the client secret and the
	 * publishable key, and answers {@code {paymentIntent}} or {@code {error}}. Where real
	 * Stripe.js would show the bank's test page, the stand-in's answer to that POST
	 * stands for the member pressing "Complete" on it (see {@link #heldPayment}). Real
	 * Stripe.js cannot run offline.
	 */
	static void stripeJs(WireMockServer server) {
		String script = """
				window.Stripe = function (publishableKey) {
				  var base = '%s';
				  return {
				    confirmCardPayment: function (clientSecret, data) {
				      var id = clientSecret.split('_secret_')[0];
				      var body = 'client_secret=' + encodeURIComponent(clientSecret)
				        + '&key=' + encodeURIComponent(publishableKey)
				        + (data && data.payment_method ? '&payment_method=' + encodeURIComponent(data.payment_method) : '');
				      return fetch(base + '/v1/payment_intents/' + id + '/confirm', {
				        method: 'POST',
				        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				        body: body
				      }).then(function (response) { return response.json(); })
				        .then(function (answer) { return answer.error ? { error: answer.error } : { paymentIntent: answer }; });
				    }
				  };
				};
				"""
			.formatted(server.baseUrl());
		server.stubFor(get(urlPathEqualTo(STRIPE_JS_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/javascript; charset=utf-8")
			.withHeader("Access-Control-Allow-Origin", "*")
			.withBody(script)));
	}

	/**
	 * A PaymentMethod that behaves as Stripe's test card 4000 0027 6000 3184: confirming
	 * a PaymentIntent off-session with it answers 402 {@code authentication_required};
	 * the PaymentIntent then reads {@code requires_payment_method} until the customer
	 * confirms it on session with its client secret ({@link #stripeJs}, or
	 * {@link #authenticate}), after which it reads {@code succeeded}. Canceling it
	 * ({@code POST /v1/payment_intents/{id}/cancel} with
	 * {@code cancellation_reason=abandoned}) before then makes it {@code canceled};
	 * canceling it again, or after it succeeded, answers 400
	 * {@code payment_intent_unexpected_state} as Stripe does.
	 */
	static void heldPayment(WireMockServer server, String paymentIntent, long amount, String customer,
			String paymentMethod) {
		String scenario = "authentication of " + paymentIntent;
		String path = "/v1/payment_intents/" + paymentIntent;
		server.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("payment_method", equalTo(paymentMethod))
			.willReturn(json(402, authenticationRequiredAnswer(paymentIntent, amount, customer, paymentMethod, null))));
		server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ok(paymentIntent(paymentIntent, "requires_payment_method", amount, customer, paymentMethod,
					null, "null"))));
		server.stubFor(post(urlPathEqualTo(path + "/confirm")).inScenario(scenario)
			.withFormParam("client_secret", equalTo(paymentIntent + "_secret_standin"))
			.willSetStateTo("authenticated")
			.willReturn(ok(paymentIntent(paymentIntent, "succeeded", amount, customer, paymentMethod, null, "null"))
				.withHeader("Access-Control-Allow-Origin", "*")));
		server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
			.whenScenarioStateIs("authenticated")
			.willReturn(ok(paymentIntent(paymentIntent, "succeeded", amount, customer, paymentMethod, null, "null"))));
		String canceled = canceledPaymentIntent(paymentIntent, amount, customer, paymentMethod);
		server.stubFor(post(urlPathEqualTo(path + "/cancel")).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.withFormParam("cancellation_reason", equalTo("abandoned"))
			.willSetStateTo("canceled")
			.willReturn(ok(canceled)));
		server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
			.whenScenarioStateIs("canceled")
			.willReturn(ok(canceled)));
		server.stubFor(post(urlPathEqualTo(path + "/cancel")).inScenario(scenario)
			.whenScenarioStateIs("canceled")
			.willReturn(json(400, unexpectedStateAnswer(canceled))));
		server.stubFor(post(urlPathEqualTo(path + "/cancel")).inScenario(scenario)
			.whenScenarioStateIs("authenticated")
			.willReturn(json(400, unexpectedStateAnswer(
					paymentIntent(paymentIntent, "succeeded", amount, customer, paymentMethod, null, "null")))));
	}

	/**
	 * A PaymentIntent canceled as {@code abandoned}, as {@code POST
	 * /v1/payment_intents/{id}/cancel} answers it
	 * (https://docs.stripe.com/api/payment_intents/cancel).
	 */
	static String canceledPaymentIntent(String id, long amount, String customer, String paymentMethod) {
		return paymentIntent(id, "canceled", amount, customer, paymentMethod, null, "null").replace(
				"\"capture_method\"",
				"\"canceled_at\": 1764461000,\n  \"cancellation_reason\": \"abandoned\",\n  \"capture_method\"");
	}

	/**
	 * Stripe's 400 answer to canceling a PaymentIntent that is already canceled or
	 * succeeded (https://docs.stripe.com/error-codes/payment-intent-unexpected-state),
	 * the PaymentIntent as it stands in the error.
	 */
	static String unexpectedStateAnswer(String paymentIntent) {
		return """
				{
				  "error": {
				    "code": "payment_intent_unexpected_state",
				    "doc_url": "https://docs.stripe.com/error-codes/payment-intent-unexpected-state",
				    "message": "You cannot cancel this PaymentIntent because it has a status of %s. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.",
				    "payment_intent": %s,
				    "type": "invalid_request_error"
				  }
				}
				"""
			.formatted(paymentIntent.contains("\"status\": \"canceled\"") ? "canceled" : "succeeded", paymentIntent);
	}

	/**
	 * The customer authenticates a held PaymentIntent, as Stripe.js would after the
	 * bank's test page.
	 */
	static void authenticate(WireMockServer server, String paymentIntent) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(server.baseUrl() + "/v1/payment_intents/" + paymentIntent + "/confirm"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("client_secret=" + paymentIntent + "_secret_standin&key=" + PUBLISHABLE_KEY))
			.build();
		try {
			int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				throw new IllegalStateException("the stand-in refused to confirm " + paymentIntent + ": " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A new id with Stripe's prefix, e.g. {@code id("pm")} is {@code pm_test_…}. */
	static String id(String prefix) {
		return prefix + "_test_" + Long.toString(IDS.incrementAndGet(), 36);
	}

	// Responses

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", id("req"))
			.withBody(body);
	}

	static ResponseDefinitionBuilder ok(String body) {
		return json(200, body);
	}

	/** A PaymentIntent (https://docs.stripe.com/api/payment_intents/object). */
	static String paymentIntent(String id, String status, long amount, String customer, String paymentMethod,
			String idempotencyKey, String lastPaymentError) {
		return """
				{
				  "id": "%s",
				  "object": "payment_intent",
				  "amount": %d,
				  "amount_capturable": 0,
				  "amount_received": %d,
				  "capture_method": "automatic_async",
				  "client_secret": "%s_secret_standin",
				  "confirmation_method": "automatic",
				  "created": 1764460800,
				  "currency": "usd",
				  "customer": "%s",
				  "description": "Subscription",
				  "last_payment_error": %s,
				  "latest_charge": "ch_%s",
				  "livemode": false,
				  "metadata": {"backstory_idempotency_key": "%s"},
				  "payment_method": "%s",
				  "payment_method_types": ["card"],
				  "setup_future_usage": null,
				  "status": "%s"
				}
				"""
			.formatted(id, amount, status.equals("succeeded") ? amount : 0, id, customer, lastPaymentError,
					id.substring(3), idempotencyKey, paymentMethod, status)
			.replace("{\"backstory_idempotency_key\": \"null\"}", "{}");
	}

	/**
	 * A card error as the {@code last_payment_error} of a PaymentIntent or in a 402
	 * answer.
	 */
	static String cardError(String code, String declineCode, String message) {
		return """
				{
				  "code": "%s",
				  "decline_code": "%s",
				  "doc_url": "https://docs.stripe.com/error-codes/%s",
				  "message": "%s",
				  "type": "card_error"
				}
				""".formatted(code, declineCode, code.replace('_', '-'), message);
	}

	/**
	 * The 402 answer to confirming a PaymentIntent whose card is declined
	 * (https://docs.stripe.com/api/errors).
	 */
	static String declinedAnswer(String paymentIntentId, long amount, String customer, String paymentMethod,
			String idempotencyKey, String declineCode, String message) {
		String error = cardError("card_declined", declineCode, message);
		return """
				{
				  "error": {
				    "charge": "ch_%s",
				    "code": "card_declined",
				    "decline_code": "%s",
				    "doc_url": "https://docs.stripe.com/error-codes/card-declined",
				    "message": "%s",
				    "payment_intent": %s,
				    "request_log_url": "https://dashboard.stripe.com/test/logs/req_x",
				    "type": "card_error"
				  }
				}
				""".formatted(paymentIntentId.substring(3), declineCode, message, paymentIntent(paymentIntentId,
				"requires_payment_method", amount, customer, paymentMethod, idempotencyKey, error));
	}

	/**
	 * The 402 answer to an off-session confirmation the card's bank wants the customer to
	 * authenticate, as Stripe's test card 4000 0027 6000 3184 gets it
	 * (https://docs.stripe.com/payments/save-and-reuse, "Charge the saved payment method
	 * later"): a card error with code {@code authentication_required}, and the
	 * PaymentIntent back in {@code requires_payment_method}, its last error naming the
	 * PaymentMethod to confirm it with on session.
	 */
	static String authenticationRequiredAnswer(String paymentIntentId, long amount, String customer,
			String paymentMethod, String idempotencyKey) {
		String message = "Your card was declined. This transaction requires authentication.";
		String error = """
				{
				  "code": "authentication_required",
				  "decline_code": "authentication_required",
				  "doc_url": "https://docs.stripe.com/error-codes/authentication-required",
				  "message": "%s",
				  "payment_method": {"id": "%s", "object": "payment_method", "type": "card"},
				  "type": "card_error"
				}
				""".formatted(message, paymentMethod);
		return """
				{
				  "error": {
				    "charge": "ch_%s",
				    "code": "authentication_required",
				    "decline_code": "authentication_required",
				    "doc_url": "https://docs.stripe.com/error-codes/authentication-required",
				    "message": "%s",
				    "payment_intent": %s,
				    "type": "card_error"
				  }
				}
				""".formatted(paymentIntentId.substring(3), message, paymentIntent(paymentIntentId,
				"requires_payment_method", amount, customer, paymentMethod, idempotencyKey, error));
	}

	/**
	 * Stripe's answer when it failed on its side and asks not to retry: the outcome is
	 * unknown.
	 */
	static ResponseDefinitionBuilder serverError() {
		return json(500, errorAnswer("api_error", null, null, "An unknown error occurred"))
			.withHeader("Stripe-Should-Retry", "false");
	}

	/**
	 * An error answer of another type, e.g. {@code api_error} or
	 * {@code invalid_request_error}.
	 */
	static String errorAnswer(String type, String code, String param, String message) {
		return """
				{"error": {"type": "%s", "code": %s, "param": %s, "message": "%s"}}
				""".formatted(type, code == null ? "null" : "\"" + code + "\"",
				param == null ? "null" : "\"" + param + "\"", message);
	}

	/** A Refund (https://docs.stripe.com/api/refunds/object). */
	static String refund(String id, String paymentIntent, long amount, String status, String idempotencyKey) {
		return """
				{
				  "id": "%s",
				  "object": "refund",
				  "amount": %d,
				  "charge": "ch_%s",
				  "created": 1764460800,
				  "currency": "usd",
				  "metadata": %s,
				  "payment_intent": "%s",
				  "reason": null,
				  "status": "%s"
				}
				""".formatted(id, amount, paymentIntent.substring(3),
				idempotencyKey == null ? "{}" : "{\"backstory_idempotency_key\": \"" + idempotencyKey + "\"}",
				paymentIntent, status);
	}

	/**
	 * A refunded Charge (https://docs.stripe.com/api/charges/object), with the given
	 * refunds listed, or without the list (as API versions since 2022-11-15 send it) when
	 * {@code refunds} is null.
	 */
	static String refundedCharge(String paymentIntent, String customer, long amount, long amountRefunded,
			String refunds) {
		String list = refunds == null ? "" : """
				,
				  "refunds": {"object": "list", "data": [%s], "has_more": false, "url": "/v1/charges/ch_%s/refunds"}"""
			.formatted(refunds, paymentIntent.substring(3));
		return """
				{
				  "id": "ch_%s",
				  "object": "charge",
				  "amount": %d,
				  "amount_captured": %d,
				  "amount_refunded": %d,
				  "captured": true,
				  "created": 1764460800,
				  "currency": "usd",
				  "customer": "%s",
				  "livemode": false,
				  "metadata": {},
				  "paid": true,
				  "payment_intent": "%s",
				  "refunded": %s,
				  "status": "succeeded"%s
				}
				""".formatted(paymentIntent.substring(3), amount, amount, amountRefunded, customer, paymentIntent,
				amountRefunded == amount, list);
	}

	/** A Customer (https://docs.stripe.com/api/customers/object). */
	static String customer(String id, String email, long memberId) {
		return """
				{"id": "%s", "object": "customer", "created": 1764460800, "email": "%s", "livemode": false,
				 "metadata": {"backstory_member_id": "%d"}}
				""".formatted(id, email, memberId);
	}

	/**
	 * A PaymentMethod of type card (https://docs.stripe.com/api/payment_methods/object).
	 */
	static String paymentMethod(String id, String customer, String brand, String last4, int expMonth, int expYear) {
		return """
				{
				  "id": "%s",
				  "object": "payment_method",
				  "billing_details": {"address": {"country": "US"}, "email": null, "name": "Ada Reader", "phone": null},
				  "card": {"brand": "%s", "country": "US", "exp_month": %d, "exp_year": %d, "funding": "credit",
				           "last4": "%s", "display_brand": "%s"},
				  "created": 1764460800,
				  "customer": %s,
				  "livemode": false,
				  "metadata": {},
				  "type": "card"
				}
				""".formatted(id, brand, expMonth, expYear, last4, brand,
				customer == null ? "null" : "\"" + customer + "\"");
	}

	/**
	 * A Checkout Session in setup mode
	 * (https://docs.stripe.com/api/checkout/sessions/object), with its SetupIntent (and
	 * that one's PaymentMethod) expanded when given.
	 */
	static String setupSession(String id, String status, String customer, long memberId, String setupIntent) {
		return """
				{
				  "id": "%s",
				  "object": "checkout.session",
				  "cancel_url": "http://localhost/account/card",
				  "client_reference_id": "%d",
				  "created": 1764460800,
				  "customer": "%s",
				  "expires_at": 1764547200,
				  "livemode": false,
				  "metadata": {"backstory_member_id": "%d"},
				  "mode": "setup",
				  "payment_method_types": ["card"],
				  "payment_status": "no_payment_required",
				  "setup_intent": %s,
				  "status": "%s",
				  "success_url": "http://localhost/account/card/hosted?setup_id={CHECKOUT_SESSION_ID}",
				  "url": %s
				}
				""".formatted(id, memberId, customer, memberId, setupIntent, status,
				status.equals("open") ? "\"https://checkout.stripe.com/c/pay/" + id + "\"" : "null");
	}

	/**
	 * A SetupIntent (https://docs.stripe.com/api/setup_intents/object) with its
	 * PaymentMethod expanded.
	 */
	static String setupIntent(String id, String status, String customer, String paymentMethod) {
		return """
				{"id": "%s", "object": "setup_intent", "created": 1764460800, "customer": "%s", "livemode": false,
				 "metadata": {}, "payment_method": %s, "payment_method_types": ["card"], "status": "%s",
				 "usage": "off_session"}
				""".formatted(id, customer, paymentMethod, status);
	}

	// Stubs

	/**
	 * Stubs a completed card setup {@code sessionId} whose card is {@code paymentMethod}.
	 */
	static void completedSetup(WireMockServer server, String sessionId, long memberId, String customer,
			String paymentMethod) {
		server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(ok(setupSession(sessionId,
				"complete", customer, memberId, setupIntent(id("seti"), "succeeded", customer, paymentMethod)))));
	}

	/**
	 * Stubs starting a card setup for {@code memberId}: a new Customer unless given one,
	 * and a new Session.
	 */
	static void setupStarts(WireMockServer server, long memberId, String customer, String sessionId) {
		server.stubFor(post(urlPathEqualTo("/v1/customers"))
			.withFormParam("metadata[backstory_member_id]", equalTo(Long.toString(memberId)))
			.willReturn(ok(customer(customer, "reader@example.test", memberId))));
		server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("metadata[backstory_member_id]", equalTo(Long.toString(memberId)))
			.willReturn(ok(setupSession(sessionId, "open", customer, memberId, "\"" + id("seti") + "\""))));
	}

	// Webhooks

	/**
	 * An event envelope (https://docs.stripe.com/api/events/object) around
	 * {@code object}.
	 */
	static String event(String id, String type, long created, String object) {
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "2025-10-29.clover",
				  "created": %d,
				  "data": {"object": %s},
				  "livemode": false,
				  "pending_webhooks": 1,
				  "request": {"id": null, "idempotency_key": null},
				  "type": "%s"
				}
				""".formatted(id, created, object, type);
	}

	/**
	 * The {@code Stripe-Signature} header Stripe would send for {@code payload} at
	 * {@code timestamp}.
	 */
	static String signatureHeader(String payload, long timestamp, String secret) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + payload);
	}

	static String hmac(String secret, String message) {
		return hmac(secret, message.getBytes(StandardCharsets.UTF_8));
	}

	/** Stripe's signature of raw bytes, which need not be UTF-8. */
	static String hmac(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
