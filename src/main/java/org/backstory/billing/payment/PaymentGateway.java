package org.backstory.billing.payment;

import org.jspecify.annotations.Nullable;

/**
 * The port to whoever holds cards and moves money. Modelled on Stripe: attaching a card
 * is creating a PaymentMethod and attaching it to the member's Customer; charging is
 * confirming an off-session PaymentIntent on that PaymentMethod with an
 * {@code Idempotency-Key}. The built-in sandbox implements it by default; the Stripe
 * adapter in {@code org.backstory.billing.stripe} when a Stripe secret key is set.
 * <p>
 * Cards reach the gateway in one of two ways ({@link #cardEntry()}): typed into our own
 * form and handed over with {@link #attachCard} (the sandbox), or entered on the
 * gateway's own page, which our server never sees ({@link #startCardSetup}, then
 * {@link #finishCardSetup} when the member comes back; Stripe, so that no card number
 * ever passes through this server).
 * <p>
 * A decline is an answer ({@code Declined}); an unknown outcome (timeout, gateway down)
 * is a {@link PaymentGatewayException}, after which the caller asks again with the same
 * idempotency key.
 */
public interface PaymentGateway {

	/** The name stored with every card and payment, e.g. {@code sandbox}. */
	String name();

	/**
	 * The query parameter that carries the setup id when the gateway sends the member
	 * back.
	 */
	String SETUP_ID_PARAMETER = "setup_id";

	/**
	 * How many charges the renewal run keeps in flight at once with this gateway: enough
	 * to hide a remote service's latency by default.
	 */
	default int preferredConcurrency() {
		return 8;
	}

	/**
	 * Checks a card and keeps it for later charges, or declines it. Only for
	 * {@link CardEntry#FORM}.
	 */
	CardAttachment attachCard(AttachCard request);

	/** Where members enter their card for this gateway. */
	default CardEntry cardEntry() {
		return CardEntry.FORM;
	}

	/**
	 * Starts a card setup on the gateway's own page (only for
	 * {@link CardEntry#HOSTED_PAGE}): the member is sent to
	 * {@link HostedCardSetup#url()}, enters the card there, and comes back to the
	 * request's return URL with {@value #SETUP_ID_PARAMETER} added, or to its cancel URL.
	 * @throws PaymentGatewayException if the gateway did not answer
	 * @throws UnsupportedOperationException if the gateway takes cards on our form
	 */
	default HostedCardSetup startCardSetup(CardSetup request) {
		throw new UnsupportedOperationException(name() + " takes cards on our own form, not on a page of its own");
	}

	/**
	 * The card a member entered in a setup started with {@link #startCardSetup}: attached
	 * when the member finished it, declined when they did not (or it is not theirs).
	 * Reading it again gives the same card.
	 * @throws PaymentGatewayException if the gateway did not answer
	 * @throws UnsupportedOperationException if the gateway takes cards on our form
	 */
	default CardAttachment finishCardSetup(String setupId, long memberId) {
		throw new UnsupportedOperationException(name() + " takes cards on our own form, not on a page of its own");
	}

	/** Where members enter their card. */
	enum CardEntry {

		/**
		 * On our own card form; the gateway gets the details through {@link #attachCard}.
		 */
		FORM,

		/**
		 * On the gateway's page ({@link #startCardSetup}); our server never sees the card
		 * number.
		 */
		HOSTED_PAGE

	}

	/**
	 * A card setup to start on the gateway's page.
	 *
	 * @param memberId whose card it will be (Stripe: the Checkout Session's metadata)
	 * @param email the member's address, for a new gateway customer
	 * @param customerId the member's gateway customer from an earlier card or setup, to
	 * reuse, or null
	 * @param returnUrl absolute URL the member comes back to when the card is entered
	 * @param cancelUrl absolute URL the member comes back to if they give up
	 */
	record CardSetup(long memberId, String email, @Nullable String customerId, String returnUrl, String cancelUrl) {
	}

	/**
	 * A started card setup.
	 *
	 * @param setupId the gateway's reference to it (Stripe: a Checkout Session id)
	 * @param customerId the gateway customer the card will be attached to
	 * @param url where to send the member
	 */
	record HostedCardSetup(String setupId, String customerId, String url) {
	}

	/**
	 * Charges a stored card. Asking again with the same idempotency key returns the first
	 * answer and never charges twice; reusing a key with different parameters is refused
	 * with a {@link PaymentGatewayException}.
	 */
	ChargeResult charge(Charge request);

	/** The code of a charge the member's bank wants them to authenticate. */
	String AUTHENTICATION_REQUIRED = "authentication_required";

	/**
	 * How the member's browser authenticates a charge their bank held
	 * ({@link ChargeResult.Declined#needsAuthentication()}).
	 * @param chargeId the held charge (Stripe: the PaymentIntent)
	 * @param cardToken the stored card it was made with
	 * @throws PaymentGatewayException if the gateway did not answer
	 */
	default Authentication authentication(String chargeId, String cardToken) {
		throw new UnsupportedOperationException(name() + " never asks members to authenticate charges");
	}

	/**
	 * Authenticates a held charge on the member's word, for gateways whose
	 * {@link #authentication} is {@link Authentication.OnOurPage}.
	 * @throws UnsupportedOperationException if the member authenticates with the gateway
	 * itself
	 */
	default void completeAuthentication(String chargeId) {
		throw new UnsupportedOperationException(name() + " authenticates charges in the member's browser");
	}

	/**
	 * The answer to a charge as it stands now, e.g. after the member authenticated it:
	 * {@link ChargeResult.Succeeded} once the money moved.
	 * @throws PaymentGatewayException if the gateway did not answer, or the charge is
	 * still being processed
	 */
	default ChargeResult chargeNow(String chargeId) {
		throw new UnsupportedOperationException(name() + " never asks members to authenticate charges");
	}

	/**
	 * Cancels a held charge that Backstory no longer expects the member to confirm (its
	 * hold was closed: a new try, or the subscription's end, took its place), so it can
	 * never be paid. Asking again about a charge already canceled answers
	 * {@link HoldRelease#CANCELED} again.
	 * @param chargeId the held charge (Stripe: the PaymentIntent)
	 * @param idempotencyKey derived from our own payment row and this attempt
	 * @return {@link HoldRelease#CANCELED}, or why it cannot be
	 * @throws PaymentGatewayException if the gateway did not answer
	 */
	default HoldRelease releaseHold(String chargeId, String idempotencyKey) {
		throw new UnsupportedOperationException(name() + " never asks members to authenticate charges");
	}

	/** How the gateway answered {@link #releaseHold}. */
	enum HoldRelease {

		/** The held charge is canceled: it can no longer be confirmed or paid. */
		CANCELED,

		/**
		 * The member confirmed it before it could be canceled: the money moved, and the
		 * payment it was for is already closed here.
		 */
		ALREADY_PAID,

		/** The gateway no longer knows the charge, or it is in no state to cancel. */
		NOT_CANCELABLE

	}

	/** How a member authenticates a held charge. */
	sealed interface Authentication {

		/**
		 * With Stripe.js in the member's browser: {@code stripe.confirmCardPayment} with
		 * the PaymentIntent's client secret and the card, which shows the bank's
		 * challenge.
		 *
		 * @param scriptUrl where Stripe.js is loaded from
		 * @param publishableKey the account's publishable key, for {@code Stripe(…)}
		 * @param clientSecret the PaymentIntent's client secret: for this member's page
		 * only, never logged
		 * @param paymentMethod the card to confirm it with, when the PaymentIntent needs
		 * one again ({@code requires_payment_method}, as an off-session charge that
		 * needed authentication leaves it); null when it waits for its next action
		 */
		record WithStripeJs(String scriptUrl, String publishableKey, String clientSecret,
				@Nullable String paymentMethod) implements Authentication {

			@Override
			public String toString() {
				return "WithStripeJs[scriptUrl=" + scriptUrl + ", paymentMethod=" + paymentMethod + "]";
			}

		}

		/**
		 * With a button on our own page, answered by {@link #completeAuthentication} (the
		 * sandbox, standing in for the bank's challenge).
		 */
		record OnOurPage() implements Authentication {
		}

		/**
		 * Not possible here (Stripe without a publishable key): the member is asked to
		 * update their card instead.
		 */
		record Unavailable() implements Authentication {
		}

	}

	/**
	 * Gives back all or part of a successful charge. Asking again with the same
	 * idempotency key returns the first answer and never refunds twice.
	 */
	RefundResult refund(Refund request);

	/**
	 * A card to attach.
	 *
	 * @param memberId whose card it is (Stripe: the Customer's metadata)
	 * @param email the member's address (Stripe: the Customer's email)
	 * @param customerId the gateway customer from an earlier card, to reuse, or null
	 * @param card what the member typed
	 */
	record AttachCard(long memberId, String email, @Nullable String customerId, CardDetails card) {
	}

	/** The answer to {@link #attachCard}. */
	sealed interface CardAttachment {

		/** The card is kept; charge it with its token. */
		record Attached(StoredCard card) implements CardAttachment {
		}

		/**
		 * The card was refused.
		 *
		 * @param code machine-readable reason, Stripe's decline codes where one fits
		 * (e.g. {@code card_declined})
		 * @param message a sentence to show the member
		 */
		record Declined(String code, String message) implements CardAttachment {
		}

	}

	/**
	 * A charge of a stored card.
	 *
	 * @param customerId the card's gateway customer, if it has one
	 * @param cardToken the stored card's token
	 * @param amount in minor units
	 * @param currency ISO 4217 code
	 * @param idempotencyKey derived from our own payment attempt row, at most 255
	 * characters
	 * @param description what the charge is for, e.g. on the statement
	 */
	record Charge(@Nullable String customerId, String cardToken, long amount, String currency, String idempotencyKey,
			String description) {
	}

	/** The answer to {@link #charge}. */
	sealed interface ChargeResult {

		/**
		 * Money moved; {@code chargeId} is the gateway's reference (Stripe: the
		 * PaymentIntent id).
		 */
		record Succeeded(String chargeId) implements ChargeResult {
		}

		/**
		 * The card was declined.
		 *
		 * @param chargeId the gateway's reference to the failed attempt, if it made one
		 * @param code machine-readable reason (e.g. {@code card_declined})
		 * @param message a sentence to show the member
		 */
		record Declined(@Nullable String chargeId, String code, String message) implements ChargeResult {

			/**
			 * Whether the bank wants the member to authenticate this charge (SCA,
			 * Stripe's {@code authentication_required}): not a refusal of the card but a
			 * charge the member can still confirm through {@link #authentication}.
			 */
			public boolean needsAuthentication() {
				return AUTHENTICATION_REQUIRED.equals(code) && chargeId != null;
			}

		}

	}

	/**
	 * A refund of (part of) a charge.
	 *
	 * @param chargeId the gateway's reference from {@link ChargeResult.Succeeded}
	 * @param amount in minor units, at most what is left of the charge
	 * @param currency ISO 4217 code
	 * @param idempotencyKey derived from our own refund row, at most 255 characters
	 */
	record Refund(String chargeId, long amount, String currency, String idempotencyKey) {
	}

	/** The answer to {@link #refund}. */
	sealed interface RefundResult {

		/**
		 * Money went back; {@code refundId} is the gateway's reference (Stripe: a Refund
		 * id).
		 */
		record Refunded(String refundId) implements RefundResult {
		}

		/**
		 * The gateway refused, e.g. because the charge was already refunded in full.
		 *
		 * @param code machine-readable reason
		 * @param message a sentence to show staff
		 */
		record Refused(String code, String message) implements RefundResult {
		}

	}

}
