package org.backstory.billing.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Stripe's webhook deliveries: checks the signature, stores the event (once per
 * id), and leaves the processing to after the answer, so Stripe hears back fast and
 * nothing is lost if processing fails.
 */
@Service
@Conditional(PaymentGatewaySelection.Stripe.class)
public class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	private final @Nullable StripeSignature signature;

	private final StripeEventInbox inbox;

	private final JsonMapper json;

	StripeWebhooks(StripeProperties properties, StripeEventInbox inbox, JsonMapper json, Clock clock) {
		String secret = properties.webhookSecret();
		this.signature = secret == null || secret.isBlank() ? null : new StripeSignature(secret, clock);
		this.inbox = inbox;
		this.json = json;
		if (signature == null) {
			log.warn(
					"No Stripe webhook signing secret (BACKSTORY_STRIPE_WEBHOOK_SECRET): webhook deliveries are refused");
		}
	}

	/** What became of a delivery. */
	public sealed interface Receipt {

		/** Stored, to be processed. */
		record Stored() implements Receipt {
		}

		/** An event with this id was stored before; nothing changed. */
		record Duplicate() implements Receipt {
		}

		/** Not signed by Stripe now, or not an event; nothing was stored. */
		record Rejected(String reason) implements Receipt {
		}

		/**
		 * No signing secret is configured, so no delivery can be trusted; nothing was
		 * stored.
		 */
		record NotConfigured() implements Receipt {
		}

	}

	/**
	 * Takes one delivery.
	 * @param payload the request body exactly as received: the signature covers these
	 * bytes
	 * @param signatureHeader the {@code Stripe-Signature} header, if any
	 */
	public Receipt receive(byte[] payload, @Nullable String signatureHeader) {
		if (signature == null) {
			return new Receipt.NotConfigured();
		}
		try {
			signature.verify(payload, signatureHeader);
		}
		catch (StripeSignature.Invalid ex) {
			log.warn("Stripe webhook rejected reason={}", ex.getMessage());
			return new Receipt.Rejected(ex.getMessage());
		}
		String text = new String(payload, StandardCharsets.UTF_8);
		Optional<StripeEvent> event = StripeEvent.parse(json, text);
		if (event.isEmpty()) {
			log.warn("Stripe webhook rejected reason=not an event");
			return new Receipt.Rejected("not a Stripe event");
		}
		if (!inbox.store(event.get(), text)) {
			log.info("Stripe event duplicate ignored id={} type={}", event.get().id(), event.get().type());
			return new Receipt.Duplicate();
		}
		log.info("Stripe event stored id={} type={}", event.get().id(), event.get().type());
		return new Receipt.Stored();
	}

}
