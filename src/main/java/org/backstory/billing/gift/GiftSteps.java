package org.backstory.billing.gift;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.backstory.billing.payment.LinkToken;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutSteps;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.ChargeSteps;
import org.backstory.billing.payment.NewPayment;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentPurpose;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.payment.StoredCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two short transactions around a gift's charge, as {@link CheckoutSteps} does for
 * checkout: {@link #begin} commits the pending payment and the gift row before the
 * gateway is called, {@link #settle} records the answer and, on success, makes the redeem
 * token and queues the recipient's mail and the buyer's receipt.
 */
@Component
class GiftSteps implements ChargeSteps<GiftOutcome> {

	private static final Logger log = LoggerFactory.getLogger(GiftSteps.class);

	private final GiftRepository gifts;

	private final PaymentRepository payments;

	private final GiftMails mails;

	private final BillingMails receipts;

	private final Clock clock;

	GiftSteps(GiftRepository gifts, PaymentRepository payments, GiftMails mails, BillingMails receipts, Clock clock) {
		this.gifts = gifts;
		this.payments = payments;
		this.mails = mails;
		this.receipts = receipts;
		this.clock = clock;
	}

	/**
	 * Records the pending charge for the gift, or finds the one this same form already
	 * recorded.
	 */
	@Transactional
	PaymentAttempt begin(GiftPurchase purchase, PlanCatalog.StoredPlan plan, StoredCard card, String gateway) {
		gifts.lockAttempt(purchase.idempotencyKey());
		PaymentAttempt same = payments.findByKey(purchase.idempotencyKey()).orElse(null);
		if (same != null) {
			return same;
		}
		Instant now = clock.instant();
		ChargeAmount amount = ChargeAmount.of(plan.plan().monthlyPrice() * purchase.months());
		PaymentAttempt attempt = payments.insertPending(new NewPayment(purchase.buyerId(), null, PaymentPurpose.GIFT,
				amount, plan.plan().currency(), gateway, purchase.idempotencyKey(), card, null, null), now);
		gifts.insert(purchase, plan, amount.due(), attempt.id(), now);
		return attempt;
	}

	@Override
	public PaymentPurpose purpose() {
		return PaymentPurpose.GIFT;
	}

	/**
	 * Records the gateway's answer to a pending gift payment; on success the recipient is
	 * mailed the redeem link. Whoever brings the answer first (the purchase, a retry of
	 * it, the gateway's notification) settles it; later ones find it settled.
	 */
	@Override
	@Transactional
	public GiftOutcome settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		Instant now = clock.instant();
		if (!payments.settle(attempt.id(), result, now)) {
			return outcomeOf(payments.findByKey(attempt.idempotencyKey()).orElseThrow());
		}
		Gift gift = gifts.findByPayment(attempt.id()).orElseThrow();
		if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
			gifts.fail(gift.id());
			log.info("Gift charge declined giftId={} paymentId={} code={}", gift.id(), attempt.id(), declined.code());
			return new GiftOutcome.Declined(declined.message());
		}
		String token = LinkToken.generate();
		gifts.purchase(gift.id(), LinkToken.hash(token), now);
		String recipient = Objects.requireNonNull(gift.recipientEmail());
		mails.toRecipient(gift, recipient, token);
		receipts.receipt(attempt.id());
		log.info("Gift bought giftId={} paymentId={}", gift.id(), attempt.id());
		return new GiftOutcome.Purchased(gift.id(), recipient);
	}

	/** The outcome an already settled gift payment stands for. */
	GiftOutcome outcomeOf(PaymentAttempt settled) {
		if (settled.status() == PaymentStatus.SUCCEEDED) {
			Gift gift = gifts.findByPayment(settled.id()).orElseThrow();
			return new GiftOutcome.Purchased(gift.id(), Objects.requireNonNullElse(gift.recipientEmail(), ""));
		}
		String reason = settled.failureReason();
		return new GiftOutcome.Declined(reason == null ? "Your card was declined." : reason);
	}

}
