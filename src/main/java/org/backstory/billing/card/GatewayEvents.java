package org.backstory.billing.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.GatewayRefund;
import org.backstory.billing.payment.GatewayRefunds;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentSettlement;
import org.backstory.billing.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a gateway tells us on its own (Stripe: webhook events), applied to billing. The
 * gateway may send a fact twice or out of order, so every method is idempotent and keeps
 * the newest state: a payment is settled once, card facts apply only if newer than those
 * on file, refunds only add up.
 */
@Service
public class GatewayEvents {

	private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);

	private final PaymentSettlement settlement;

	private final PaymentRepository payments;

	private final GatewayRefunds refunds;

	private final CardRepository cards;

	private final CardSetups setups;

	private final CardService cardService;

	private final Clock clock;

	GatewayEvents(PaymentSettlement settlement, PaymentRepository payments, GatewayRefunds refunds,
			CardRepository cards, CardSetups setups, CardService cardService, Clock clock) {
		this.settlement = settlement;
		this.payments = payments;
		this.refunds = refunds;
		this.cards = cards;
		this.setups = setups;
		this.cardService = cardService;
		this.clock = clock;
	}

	/**
	 * A card's facts as the gateway states them.
	 *
	 * @param brand as shown to members, e.g. {@code Visa}
	 */
	public record CardFacts(String brand, String last4, int expMonth, int expYear) {
	}

	/**
	 * The outcome of the charge made with {@code idempotencyKey}; settles our payment if
	 * it is still pending.
	 * @return whether this call settled it
	 */
	public boolean paymentSettled(String idempotencyKey, PaymentGateway.ChargeResult result) {
		return settlement.settle(idempotencyKey, result);
	}

	/**
	 * New facts about the card with {@code token} (Stripe: the card updater or the member
	 * changed it).
	 * @param at when the gateway stated them; facts stated earlier than those taken
	 * before are ignored
	 * @return whether a card on file changed
	 * @throws IllegalStateException while a pending payment with this card has yet to put
	 * it on file, so the caller tries again later
	 */
	public boolean cardUpdated(String token, CardFacts facts, Instant at) {
		// Asked before the update: a payment settling in between files the card after the
		// update missed it,
		// and only a check made earlier still knows to try again.
		boolean mayBeFiledSoon = payments.pendingWithCard(token);
		boolean changed = cards.updateFacts(token, facts, at, clock.instant());
		if (!changed && mayBeFiledSoon) {
			throw notFiledYet();
		}
		log.info("Gateway card update applied={}", changed);
		return changed;
	}

	/**
	 * The gateway no longer keeps the card with {@code token}: it is dropped from file. A
	 * card the gateway dropped cannot come back, so this holds whatever else arrives
	 * later.
	 * @return whether a card was on file
	 * @throws IllegalStateException while a pending payment with this card has yet to put
	 * it on file
	 */
	public boolean cardDetached(String token) {
		awaitFiling(token);
		boolean dropped = cards.deleteByToken(token);
		log.info("Gateway card detached dropped={}", dropped);
		return dropped;
	}

	/**
	 * A card not on file may be on its way: a checkout files its card when its payment
	 * settles.
	 */
	private void awaitFiling(String token) {
		if (payments.pendingWithCard(token)) {
			throw notFiledYet();
		}
	}

	private static IllegalStateException notFiledYet() {
		return new IllegalStateException("the card is not on file yet: a payment with it is pending");
	}

	/** Whether one of our payments is the charge {@code chargeId}. */
	public boolean knowsCharge(String chargeId) {
		return refunds.paymentOf(chargeId).isPresent();
	}

	/**
	 * A charge was refunded, in part or in full, perhaps at the gateway itself. Records
	 * the refunds we did not know of and raises the payment's refunded amount to
	 * {@code amountRefunded} (it never goes down, so the order of reports does not
	 * matter). A payment still pending is settled first: it was refunded, so it was paid.
	 * @param chargeId the gateway's reference to the charge (Stripe: the PaymentIntent
	 * id)
	 * @param idempotencyKey the key the charge was made with, if known, for a payment not
	 * yet settled
	 * @param amountRefunded the total refunded so far
	 * @return whether the charge is one of our payments
	 */
	public boolean chargeRefunded(String chargeId, @Nullable String idempotencyKey, long amountRefunded,
			List<GatewayRefund> gatewayRefunds) {
		Optional<Long> paymentId = refunds.paymentOf(chargeId);
		if (paymentId.isEmpty() && idempotencyKey != null) {
			settlement.settle(idempotencyKey, new PaymentGateway.ChargeResult.Succeeded(chargeId));
			paymentId = payments.findByKey(idempotencyKey)
				.filter(p -> p.status() == PaymentStatus.SUCCEEDED)
				.map(PaymentAttempt::id);
		}
		if (paymentId.isEmpty()) {
			log.info("Refund of a charge that is not ours ignored");
			return false;
		}
		refunds.record(paymentId.get(), amountRefunded, gatewayRefunds);
		return true;
	}

	/**
	 * The member finished a card setup on the gateway's page. A setup to replace the card
	 * on file puts the card on file if the member's return has not; a checkout's setup is
	 * left to the member's return, which knows what to charge.
	 * @throws PaymentGatewayException if the gateway did not answer, so the caller tries
	 * again later
	 */
	public void cardSetupCompleted(String setupId) {
		Optional<CardSetups.Setup> setup = setups.find(setupId);
		if (setup.isEmpty() || setup.get().finished() || setup.get().purpose() != CardSetups.Purpose.CARD) {
			return;
		}
		CardChange change = cardService.finishCardSetup(setup.get().memberId(), setupId);
		if (change instanceof CardChange.NotConfirmed) {
			throw new PaymentGatewayException("card setup could not be read from the gateway");
		}
		log.info("Card setup finished by the gateway's notification memberId={} outcome={}", setup.get().memberId(),
				change.getClass().getSimpleName());
	}

}
