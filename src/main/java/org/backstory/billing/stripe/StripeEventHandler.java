package org.backstory.billing.stripe;

import java.util.ArrayList;
import java.util.List;

import org.backstory.billing.card.GatewayEvents;
import org.backstory.billing.payment.GatewayRefund;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies a Stripe event to billing through {@link GatewayEvents}. Stripe may deliver
 * events twice and out of order; every step here is idempotent and keeps the newest state
 * (a payment settles once, card facts carry the event's creation time, refunded amounts
 * only grow). Types we do not subscribe to are ignored. A failure is thrown, so the event
 * is tried again.
 */
@Component
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeEventHandler {

	private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

	private final GatewayEvents events;

	private final StripeReader stripe;

	StripeEventHandler(GatewayEvents events, StripeReader stripe) {
		this.events = events;
		this.stripe = stripe;
	}

	void handle(StripeEvent event) {
		switch (event.type()) {
			case "payment_intent.succeeded" -> paymentIntentSucceeded(event);
			case "payment_intent.payment_failed" -> paymentIntentFailed(event);
			case "payment_method.updated", "payment_method.automatically_updated" -> paymentMethodUpdated(event);
			case "payment_method.detached" -> events.cardDetached(required(event, "id"));
			case "charge.refunded" -> chargeRefunded(event);
			case "checkout.session.completed" -> checkoutSessionCompleted(event);
			default -> log.info("Stripe event ignored id={} type={}", event.id(), event.type());
		}
	}

	private void paymentIntentSucceeded(StripeEvent event) {
		String key = event.text("metadata/" + StripePaymentGateway.IDEMPOTENCY_KEY);
		if (key != null) {
			events.paymentSettled(key, new PaymentGateway.ChargeResult.Succeeded(required(event, "id")));
		}
	}

	private void paymentIntentFailed(StripeEvent event) {
		String key = event.text("metadata/" + StripePaymentGateway.IDEMPOTENCY_KEY);
		if (key != null) {
			events.paymentSettled(key, StripeDeclines.declined(required(event, "id"),
					event.text("last_payment_error/code"), event.text("last_payment_error/decline_code")));
		}
	}

	private void paymentMethodUpdated(StripeEvent event) {
		JsonNode card = event.at("card");
		if (!card.isObject()) {
			return;
		}
		events.cardUpdated(required(event, "id"),
				StripeCards.facts(card.path("brand").stringValue(null), card.path("last4").stringValue(""),
						card.path("exp_month").longValue(0), card.path("exp_year").longValue(0)),
				event.created());
	}

	private void chargeRefunded(StripeEvent event) {
		String paymentIntent = event.text("payment_intent");
		if (paymentIntent == null) {
			return;
		}
		String key = events.knowsCharge(paymentIntent) ? null : stripe.idempotencyKeyOf(paymentIntent).orElse(null);
		JsonNode listed = event.at("refunds");
		// API versions since 2022-11-15 leave the refunds out of the charge; a long list
		// is cut short.
		List<GatewayRefund> refunds = listed.path("data").isArray() && !listed.path("has_more").asBoolean()
				? refundsIn(listed.path("data")) : stripe.refundsOf(paymentIntent);
		events.chargeRefunded(paymentIntent, key, event.at("amount_refunded").longValue(0), refunds);
	}

	private static List<GatewayRefund> refundsIn(JsonNode data) {
		List<GatewayRefund> refunds = new ArrayList<>();
		for (JsonNode refund : data) {
			String status = refund.path("status").stringValue("");
			if (!status.equals("failed") && !status.equals("canceled")) {
				refunds.add(new GatewayRefund(refund.path("id").stringValue(""), refund.path("amount").longValue(0),
						refund.path("metadata").path(StripePaymentGateway.IDEMPOTENCY_KEY).stringValue(null),
						refund.path("reason").stringValue(null)));
			}
		}
		return refunds;
	}

	private void checkoutSessionCompleted(StripeEvent event) {
		if ("setup".equals(event.text("mode"))) {
			events.cardSetupCompleted(required(event, "id"));
		}
	}

	private static String required(StripeEvent event, String field) {
		@Nullable String value = event.text(field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Stripe event " + event.id() + " has no " + field);
		}
		return value;
	}

}
