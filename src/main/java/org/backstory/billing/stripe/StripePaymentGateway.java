package org.backstory.billing.stripe;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.backstory.billing.card.GatewayEvents;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.backstory.billing.payment.StoredCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The Stripe gateway. Cards are entered on Stripe Checkout's page in setup mode, so no
 * card number ever reaches this server; a card on file is a PaymentMethod attached to the
 * member's Customer, charged with off-session PaymentIntents confirmed at once, each
 * carrying our idempotency key as its {@code Idempotency-Key} and in its metadata (so a
 * webhook can settle a payment whose answer we missed).
 */
@Component
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripePaymentGateway implements PaymentGateway {

	/** Metadata naming our idempotency key on PaymentIntents and Refunds. */
	static final String IDEMPOTENCY_KEY = "backstory_idempotency_key";

	/** Metadata naming our member on Customers, Checkout Sessions and SetupIntents. */
	static final String MEMBER_ID = "backstory_member_id";

	private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

	private final StripeClient stripe;

	private final StripeProperties properties;

	StripePaymentGateway(StripeClient stripe, StripeProperties properties) {
		this.stripe = stripe;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public CardEntry cardEntry() {
		return CardEntry.HOSTED_PAGE;
	}

	/**
	 * Refused: card numbers never pass through this server to Stripe (PCI); see
	 * {@link #startCardSetup}.
	 */
	@Override
	public CardAttachment attachCard(AttachCard request) {
		throw new UnsupportedOperationException(
				"Stripe takes cards on its own page: this server never sends card numbers to Stripe");
	}

	@Override
	public HostedCardSetup startCardSetup(CardSetup request) {
		String customer = request.customerId() != null ? request.customerId() : createCustomer(request);
		String member = Long.toString(request.memberId());
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.SETUP)
			.setCustomer(customer)
			.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
			.setSuccessUrl(withSetupId(request.returnUrl()))
			.setCancelUrl(request.cancelUrl())
			.setClientReferenceId(member)
			.putMetadata(MEMBER_ID, member)
			.setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putMetadata(MEMBER_ID, member).build())
			.build();
		Session session;
		try {
			session = stripe.v1().checkout().sessions().create(params);
		}
		catch (StripeException ex) {
			throw unanswered("card setup", ex);
		}
		log.info("Stripe card setup started memberId={} session={}", request.memberId(), session.getId());
		return new HostedCardSetup(session.getId(), customer, session.getUrl());
	}

	@Override
	public CardAttachment finishCardSetup(String setupId, long memberId) {
		Session session;
		try {
			session = stripe.v1()
				.checkout()
				.sessions()
				.retrieve(setupId, SessionRetrieveParams.builder().addExpand("setup_intent.payment_method").build(),
						RequestOptions.getDefault());
		}
		catch (InvalidRequestException ex) {
			if ("resource_missing".equals(ex.getCode())) {
				return setupNotFound();
			}
			throw unanswered("card setup", ex);
		}
		catch (StripeException ex) {
			throw unanswered("card setup", ex);
		}
		return attachmentOf(session, memberId);
	}

	private static CardAttachment attachmentOf(Session session, long memberId) {
		Map<String, String> metadata = session.getMetadata();
		if (!"setup".equals(session.getMode()) || metadata == null
				|| !Long.toString(memberId).equals(metadata.get(MEMBER_ID))) {
			log.warn("Stripe session is not this member's card setup memberId={} session={}", memberId,
					session.getId());
			return setupNotFound();
		}
		SetupIntent intent = session.getSetupIntentObject();
		PaymentMethod method = intent == null ? null : intent.getPaymentMethodObject();
		if (!"complete".equals(session.getStatus()) || intent == null || !"succeeded".equals(intent.getStatus())
				|| method == null) {
			return new CardAttachment.Declined("setup_incomplete",
					"Your card wasn't saved on the payment page. Please try again.");
		}
		PaymentMethod.Card card = method.getCard();
		if (card == null) {
			return new CardAttachment.Declined("not_a_card", "Please use a card.");
		}
		if (method.getCustomer() == null) {
			// Detached since: Stripe will not charge it any more.
			return new CardAttachment.Declined("card_not_found", StripeDeclines.message("card_not_found"));
		}
		GatewayEvents.CardFacts facts = StripeCards.facts(card.getBrand(), card.getLast4(), card.getExpMonth(),
				card.getExpYear());
		return new CardAttachment.Attached(new StoredCard(method.getCustomer(), method.getId(), facts.brand(),
				facts.last4(), facts.expMonth(), facts.expYear()));
	}

	@Override
	public ChargeResult charge(Charge request) {
		PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
			.setAmount(request.amount())
			.setCurrency(request.currency().toLowerCase(Locale.ROOT))
			.setPaymentMethod(request.cardToken())
			.addPaymentMethodType("card")
			.setConfirm(true)
			.setOffSession(true)
			.setDescription(request.description())
			.putMetadata(IDEMPOTENCY_KEY, request.idempotencyKey());
		if (request.customerId() != null) {
			params.setCustomer(request.customerId());
		}
		try {
			PaymentIntent intent = stripe.v1()
				.paymentIntents()
				.create(params.build(), RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
			return resultOf(intent);
		}
		catch (CardException ex) {
			StripeError error = ex.getStripeError();
			PaymentIntent intent = error == null ? null : error.getPaymentIntent();
			log.info("Stripe charge declined idempotencyKey={} code={} declineCode={}", request.idempotencyKey(),
					ex.getCode(), ex.getDeclineCode());
			return StripeDeclines.declined(intent == null ? null : intent.getId(), ex.getCode(), ex.getDeclineCode());
		}
		catch (InvalidRequestException ex) {
			if ("resource_missing".equals(ex.getCode()) && "payment_method".equals(ex.getParam())) {
				return StripeDeclines.declined(null, "card_not_found", null);
			}
			throw unanswered("charge", ex);
		}
		catch (StripeException ex) {
			throw unanswered("charge", ex);
		}
	}

	/**
	 * What a confirmed PaymentIntent's status means for us; anything unsettled is asked
	 * about again later.
	 */
	static ChargeResult resultOf(PaymentIntent intent) {
		String status = Objects.requireNonNullElse(intent.getStatus(), "");
		switch (status) {
			case "succeeded":
				return new ChargeResult.Succeeded(intent.getId());
			case "requires_payment_method":
			case "canceled":
				StripeError error = intent.getLastPaymentError();
				return StripeDeclines.declined(intent.getId(), error == null ? null : error.getCode(),
						error == null ? null : error.getDeclineCode());
			case "requires_action":
			case "requires_confirmation":
				return StripeDeclines.declined(intent.getId(), "authentication_required", null);
			default:
				throw new PaymentGatewayException("Stripe payment " + intent.getId() + " is still " + status);
		}
	}

	/**
	 * Stripe.js confirms the PaymentIntent in the member's browser with its client
	 * secret, which is read here and goes to that page only (never to a log).
	 */
	@Override
	public Authentication authentication(String chargeId, String cardToken) {
		String publishableKey = properties.publishableKey();
		if (publishableKey == null || publishableKey.isBlank()) {
			log.warn("No Stripe publishable key: members cannot confirm held payments paymentIntent={}", chargeId);
			return new Authentication.Unavailable();
		}
		PaymentIntent intent = retrieve(chargeId);
		return new Authentication.WithStripeJs(properties.jsUrl(), publishableKey,
				Objects.requireNonNull(intent.getClientSecret(), "a PaymentIntent has a client secret"),
				"requires_payment_method".equals(intent.getStatus()) ? cardToken : null);
	}

	/**
	 * The PaymentIntent as it stands: {@code succeeded} once the member authenticated it;
	 * {@code requires_payment_method} or {@code requires_action} while they have not.
	 */
	@Override
	public ChargeResult chargeNow(String chargeId) {
		return resultOf(retrieve(chargeId));
	}

	/**
	 * Cancels the PaymentIntent as {@code abandoned} ({@code POST
	 * /v1/payment_intents/{id}/cancel}). Stripe refuses to cancel one that is already
	 * canceled or succeeded ({@code payment_intent_unexpected_state}, with the
	 * PaymentIntent in the error): the first is the answer asked for, the second means
	 * the member paid it.
	 */
	@Override
	public HoldRelease releaseHold(String chargeId, String idempotencyKey) {
		PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
			.setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
			.build();
		try {
			stripe.v1()
				.paymentIntents()
				.cancel(chargeId, params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
			return HoldRelease.CANCELED;
		}
		catch (InvalidRequestException ex) {
			if ("resource_missing".equals(ex.getCode())) {
				return HoldRelease.NOT_CANCELABLE;
			}
			if (!"payment_intent_unexpected_state".equals(ex.getCode())) {
				throw unanswered("hold release", ex);
			}
			StripeError error = ex.getStripeError();
			PaymentIntent intent = error == null ? null : error.getPaymentIntent();
			String status = intent == null ? "" : Objects.requireNonNullElse(intent.getStatus(), "");
			return switch (status) {
				case "canceled" -> HoldRelease.CANCELED;
				case "succeeded" -> HoldRelease.ALREADY_PAID;
				default -> HoldRelease.NOT_CANCELABLE;
			};
		}
		catch (StripeException ex) {
			throw unanswered("hold release", ex);
		}
	}

	private PaymentIntent retrieve(String chargeId) {
		try {
			return stripe.v1().paymentIntents().retrieve(chargeId);
		}
		catch (StripeException ex) {
			throw unanswered("payment retrieval", ex);
		}
	}

	@Override
	public RefundResult refund(Refund request) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(request.chargeId())
			.setAmount(request.amount())
			.putMetadata(IDEMPOTENCY_KEY, request.idempotencyKey())
			.build();
		try {
			com.stripe.model.Refund refund = stripe.v1()
				.refunds()
				.create(params, RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
			if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
				return new RefundResult.Refused(Objects.requireNonNullElse(refund.getFailureReason(), "refund_failed"),
						"The payment service could not refund this payment.");
			}
			return new RefundResult.Refunded(refund.getId());
		}
		catch (InvalidRequestException ex) {
			StripeError error = ex.getStripeError();
			String message = error == null || error.getMessage() == null ? "The payment service refused the refund."
					: error.getMessage();
			return new RefundResult.Refused(Objects.requireNonNullElse(ex.getCode(), "invalid_request"), message);
		}
		catch (StripeException ex) {
			throw unanswered("refund", ex);
		}
	}

	private String createCustomer(CardSetup request) {
		try {
			String id = stripe.v1()
				.customers()
				.create(CustomerCreateParams.builder()
					.setEmail(request.email())
					.putMetadata(MEMBER_ID, Long.toString(request.memberId()))
					.build())
				.getId();
			log.info("Stripe customer created memberId={} customer={}", request.memberId(), id);
			return id;
		}
		catch (StripeException ex) {
			throw unanswered("customer", ex);
		}
	}

	private static CardAttachment setupNotFound() {
		return new CardAttachment.Declined("setup_not_found",
				"We couldn't find the card you entered. Please add your card again.");
	}

	/**
	 * Stripe replaces the placeholder with the Checkout Session's id when it sends the
	 * member back.
	 */
	private static String withSetupId(String returnUrl) {
		return returnUrl + (returnUrl.contains("?") ? "&" : "?") + SETUP_ID_PARAMETER + "={CHECKOUT_SESSION_ID}";
	}

	static PaymentGatewayException unanswered(String what, StripeException ex) {
		return new PaymentGatewayException("Stripe " + what + " failed: " + ex.getClass().getSimpleName() + " status="
				+ ex.getStatusCode() + " code=" + ex.getCode() + " requestId=" + ex.getRequestId(), ex);
	}

}
