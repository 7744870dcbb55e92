package org.backstory.billing.gift;

import java.util.Optional;

import org.backstory.billing.payment.LinkToken;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.card.CardSetups;
import org.backstory.billing.checkout.GatewayCalls;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.payment.StoredCard;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gift subscriptions: a signed-in member buys 1, 3, 6 or 12 months of a plan for
 * someone's email address and pays at once (the charge follows checkout's pattern: a
 * pending payment committed first, one idempotency key per gift form); the recipient gets
 * a link that starts a subscription which ends after those months and never renews or
 * charges anyone.
 */
@Service
public class GiftService {

	private static final Logger log = LoggerFactory.getLogger(GiftService.class);

	private final PlanCatalog plans;

	private final PaymentRepository payments;

	private final GiftSteps steps;

	private final GatewayCalls gateway;

	private final GiftRepository gifts;

	private final GiftRedeemer redeemer;

	private final CardSetups setups;

	GiftService(PlanCatalog plans, PaymentRepository payments, GiftSteps steps, GatewayCalls gateway,
			GiftRepository gifts, GiftRedeemer redeemer, CardSetups setups) {
		this.plans = plans;
		this.payments = payments;
		this.steps = steps;
		this.gateway = gateway;
		this.gifts = gifts;
		this.redeemer = redeemer;
		this.setups = setups;
	}

	/**
	 * Buys the gift if the card is accepted and charged; the buyer's card is not kept on
	 * file.
	 */
	public GiftOutcome purchase(GiftPurchase purchase) {
		PlanCatalog.StoredPlan plan = plans.find(purchase.planCode()).filter(p -> p.plan().active()).orElse(null);
		if (plan == null) {
			return new GiftOutcome.PlanUnavailable();
		}
		Optional<PaymentAttempt> sameAttempt = payments.findByKey(purchase.idempotencyKey());
		if (sameAttempt.isPresent()) {
			return resume(sameAttempt.get());
		}
		PaymentGateway.CardAttachment attachment = gateway
			.card(purchase.buyerId(), purchase.buyerEmail(), purchase.card())
			.orElse(null);
		if (attachment == null) {
			return new GiftOutcome.NotConfirmed();
		}
		if (attachment instanceof PaymentGateway.CardAttachment.Declined declined) {
			log.info("Gift card declined memberId={} code={}", purchase.buyerId(), declined.code());
			return new GiftOutcome.Declined(declined.message());
		}
		StoredCard card = ((PaymentGateway.CardAttachment.Attached) attachment).card();
		return resume(steps.begin(purchase, plan, card, gateway.gatewayName()));
	}

	/**
	 * Starts a gift purchase whose card the buyer enters on the gateway's page, when the
	 * gateway takes cards there. Nothing is charged until the buyer comes back and
	 * {@link #purchase} is called with {@link CheckoutCard.FromSetup}.
	 * @param returnUrl absolute URL of the page that completes the purchase
	 * @param cancelUrl absolute URL to come back to if the buyer gives up
	 * @return where to send the buyer, or empty if the gateway did not answer
	 */
	public Optional<String> startCardSetup(long buyerId, String email, String returnUrl, String cancelUrl) {
		return setups.start(buyerId, email, CardSetups.Purpose.GIFT, returnUrl, cancelUrl);
	}

	/** The bought gift behind a redeem link, if there is one. */
	public Optional<GiftView> find(@Nullable String token) {
		if (!LinkToken.wellFormed(token)) {
			return Optional.empty();
		}
		return gifts.findByToken(LinkToken.hash(token)).map(Gift::view);
	}

	/**
	 * Starts the member's gift subscription: active from now for the gift's months, not
	 * renewing. A gift is redeemed once; of two members redeeming at once, one gets it. A
	 * member who already has a subscription (paid, trial, comp or another gift) is
	 * refused and the gift stays unused.
	 */
	public GiftRedemption redeem(@Nullable String token, long memberId) {
		return redeemer.redeem(token, memberId);
	}

	private GiftOutcome resume(PaymentAttempt attempt) {
		if (attempt.status() != PaymentStatus.PENDING) {
			return steps.outcomeOf(attempt);
		}
		return gateway.charge(attempt)
			.map(result -> steps.settle(attempt, result))
			.orElseGet(GiftOutcome.NotConfirmed::new);
	}

}
