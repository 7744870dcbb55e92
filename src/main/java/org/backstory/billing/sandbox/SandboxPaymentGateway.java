package org.backstory.billing.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.backstory.billing.SandboxCards;
import org.backstory.billing.payment.CardDetails;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.backstory.billing.payment.StoredCard;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox gateway: takes only the test cards listed in {@link SandboxCards}. It
 * stands in for an outside service, so it commits its own writes in its own transaction
 * whatever the caller is doing. It is the gateway unless a Stripe secret key is set, and
 * takes cards on our own form.
 */
@Component
@Conditional(PaymentGatewaySelection.Sandbox.class)
class SandboxPaymentGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(SandboxPaymentGateway.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	SandboxPaymentGateway(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public String name() {
		return "sandbox";
	}

	/**
	 * The sandbox works in this app's own database: more charges at once would only queue
	 * for the same cores.
	 */
	@Override
	public int preferredConcurrency() {
		return 2;
	}

	@Override
	public CardAttachment attachCard(AttachCard request) {
		CardDetails card = request.card();
		if (!card.numberLooksValid()) {
			return new CardAttachment.Declined("incorrect_number", "Your card number is incorrect.");
		}
		if (card.expiredAt(clock)) {
			return new CardAttachment.Declined("expired_card", "Your card has expired.");
		}
		if (!card.cvcLooksValid()) {
			return new CardAttachment.Declined("incorrect_cvc", "Your card's security code is incorrect.");
		}
		if (card.number().equals(SandboxCards.DECLINED)) {
			return new CardAttachment.Declined("card_declined", "Your card was declined.");
		}
		SandboxBehaviour behaviour = behaviourOf(card.number());
		if (behaviour == null) {
			return new CardAttachment.Declined("sandbox_test_cards_only",
					"This site takes sandbox test cards only. Use a sandbox test card such as 4242 4242 4242 4242.");
		}
		String token = "pm_sandbox_" + randomId();
		ownTransaction.executeWithoutResult(status -> jdbc
			.sql("insert into billing.sandbox_card (token, behaviour, created_at) values (:token, :behaviour, :now)")
			.param("token", token)
			.param("behaviour", behaviour.code())
			.param("now", Timestamp.from(clock.instant()))
			.update());
		String customerId = request.customerId() != null ? request.customerId() : "cus_sandbox_" + request.memberId();
		log.info("Sandbox card attached memberId={}", request.memberId());
		return new CardAttachment.Attached(
				new StoredCard(customerId, token, "Visa", card.last4(), card.expMonth(), card.expYear()));
	}

	@Override
	public ChargeResult charge(Charge request) {
		ChargeResult result = ownTransaction.execute(status -> chargeOnce(request));
		if (result == null) {
			throw new PaymentGatewayException("sandbox charge gave no answer");
		}
		return result;
	}

	private ChargeResult chargeOnce(Charge request) {
		// Locking the card row counts one charge at a time per card, as "first charge
		// only" needs.
		Optional<SandboxBehaviour> behaviour = jdbc
			.sql("select behaviour from billing.sandbox_card where token = :token for update")
			.param("token", request.cardToken())
			.query((rs, row) -> SandboxBehaviour.fromCode(rs.getString(1)))
			.optional();
		// Decided as if new; a key seen before loses the insert below and gets its first
		// answer instead.
		String id = "ch_sandbox_" + randomId();
		SandboxCharge charge;
		if (behaviour.isEmpty()) {
			charge = SandboxCharge.declined(id, request, "card_not_found",
					"The card on file could not be found. Please add your card again.");
		}
		else if (behaviour.get().succeeds(() -> successesOf(request.cardToken()))) {
			charge = SandboxCharge.succeeded(id, request);
		}
		else if (behaviour.get() == SandboxBehaviour.REQUIRES_AUTHENTICATION) {
			charge = SandboxCharge.declined(id, request, AUTHENTICATION_REQUIRED,
					"Your bank asks you to confirm this payment.");
		}
		else {
			charge = SandboxCharge.declined(id, request, "card_declined", "Your card was declined.");
		}
		if (!charge.insertIfAbsent(jdbc, clock.instant())) {
			// The key was used before (a retry, or a concurrent request): the first
			// answer is the answer.
			return SandboxCharge.find(jdbc, request.idempotencyKey()).orElseThrow().answerTo(request);
		}
		log.debug("Sandbox charge idempotencyKey={} amount={} currency={} succeeded={}", request.idempotencyKey(),
				request.amount(), request.currency(), charge.succeeded());
		return charge.answerTo(request);
	}

	/**
	 * The member confirms a held sandbox charge with a button on our own page, standing
	 * in for the bank's challenge.
	 */
	@Override
	public Authentication authentication(String chargeId, String cardToken) {
		return new Authentication.OnOurPage();
	}

	@Override
	public void completeAuthentication(String chargeId) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				update billing.sandbox_charge set succeeded = true, decline_code = null, decline_message = null
				where id = :id and decline_code = :code
				""").param("id", chargeId).param("code", AUTHENTICATION_REQUIRED).update());
		log.info("Sandbox charge authenticated charge={}", chargeId);
	}

	/**
	 * A held sandbox charge can no longer be authenticated once released; one the member
	 * authenticated first is paid.
	 */
	@Override
	public HoldRelease releaseHold(String chargeId, String idempotencyKey) {
		Integer released = ownTransaction.execute(status -> jdbc.sql("""
				update billing.sandbox_charge set decline_code = 'payment_intent_canceled',
				    decline_message = 'The payment was canceled.'
				where id = :id and decline_code in (:held, 'payment_intent_canceled')
				""").param("id", chargeId).param("held", AUTHENTICATION_REQUIRED).update());
		if (released != null && released == 1) {
			return HoldRelease.CANCELED;
		}
		return SandboxCharge.findById(jdbc, chargeId)
			.map(charge -> charge.succeeded() ? HoldRelease.ALREADY_PAID : HoldRelease.NOT_CANCELABLE)
			.orElse(HoldRelease.NOT_CANCELABLE);
	}

	@Override
	public ChargeResult chargeNow(String chargeId) {
		return SandboxCharge.findById(jdbc, chargeId)
			.orElseThrow(() -> new PaymentGatewayException("no sandbox charge " + chargeId))
			.answer();
	}

	@Override
	public RefundResult refund(Refund request) {
		RefundResult result = ownTransaction.execute(status -> refundOnce(request));
		if (result == null) {
			throw new PaymentGatewayException("sandbox refund gave no answer");
		}
		return result;
	}

	private RefundResult refundOnce(Refund request) {
		// Locking the charge serialises its refunds, so two can never together exceed it.
		Optional<Long> charged = jdbc.sql(
				"select amount from billing.sandbox_charge where id = :id and succeeded and currency = :currency for update")
			.param("id", request.chargeId())
			.param("currency", request.currency())
			.query(Long.class)
			.optional();
		Optional<String> earlier = jdbc.sql("select id from billing.sandbox_refund where idempotency_key = :key")
			.param("key", request.idempotencyKey())
			.query(String.class)
			.optional();
		if (earlier.isPresent()) {
			return new RefundResult.Refunded(earlier.get());
		}
		if (charged.isEmpty()) {
			return new RefundResult.Refused("charge_not_found", "No successful charge " + request.chargeId() + ".");
		}
		long refunded = jdbc.sql("select coalesce(sum(amount), 0) from billing.sandbox_refund where charge_id = :id")
			.param("id", request.chargeId())
			.query(Long.class)
			.single();
		if (refunded + request.amount() > charged.get()) {
			return new RefundResult.Refused("amount_too_large",
					"The refund is larger than what is left of the charge.");
		}
		String id = "re_sandbox_" + randomId();
		jdbc.sql("""
				insert into billing.sandbox_refund (id, idempotency_key, charge_id, amount, created_at)
				values (:id, :key, :charge, :amount, :now)
				""")
			.param("id", id)
			.param("key", request.idempotencyKey())
			.param("charge", request.chargeId())
			.param("amount", request.amount())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		log.info("Sandbox refund idempotencyKey={} amount={}", request.idempotencyKey(), request.amount());
		return new RefundResult.Refunded(id);
	}

	private long successesOf(String token) {
		return jdbc.sql("select count(*) from billing.sandbox_charge where token = :token and succeeded")
			.param("token", token)
			.query(Long.class)
			.single();
	}

	private static @Nullable SandboxBehaviour behaviourOf(String number) {
		return switch (number) {
			case SandboxCards.SUCCEEDS -> SandboxBehaviour.ALWAYS_SUCCEEDS;
			case SandboxCards.FIRST_CHARGE_ONLY -> SandboxBehaviour.FIRST_CHARGE_ONLY;
			case SandboxCards.REQUIRES_AUTHENTICATION -> SandboxBehaviour.REQUIRES_AUTHENTICATION;
			default -> null;
		};
	}

	private static String randomId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
