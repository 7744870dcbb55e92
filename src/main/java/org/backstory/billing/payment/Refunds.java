package org.backstory.billing.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.backstory.billing.Money;
import org.backstory.billing.PaymentRecord;
import org.backstory.billing.PaymentRefunded;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Giving money back, in full or in part, on staff's say. Like a charge: the refund row is
 * committed pending before the gateway is asked with a key derived from it, and settled
 * after; a refund whose answer never came is asked about again later with the same key,
 * so nothing is refunded twice, and the pending amount is held back so two refunds
 * together can never exceed the payment. A refund staff asked for is audited
 * ({@code payment.refunded}) in the transaction that records it as made.
 */
@Service
public class Refunds {

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final RefundRepository refunds;

	private final PaymentGateway gateway;

	private final TransactionTemplate transaction;

	private final StaffActions audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Refunds(RefundRepository refunds, PaymentGateway gateway, TransactionTemplate transaction, StaffActions audit,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.refunds = refunds;
		this.gateway = gateway;
		this.transaction = transaction;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Refunds {@code amount} of a successful payment.
	 * @param attemptKey identifies this request (e.g. the form's attempt id): repeating
	 * it refunds once
	 */
	public RefundOutcome refund(long staffId, long paymentId, long amount, String reason, String attemptKey) {
		Begun begun = transaction.execute(status -> begin(staffId, paymentId, amount, reason, attemptKey));
		if (begun == null || begun.refused() != null) {
			return new RefundOutcome.Refused(begun == null ? "The refund could not be started." : begun.refused());
		}
		return ask(begun.refund());
	}

	/** Asks again about refunds whose answer never came (a crash, a timeout). */
	public int retryPending() {
		int settled = 0;
		for (RefundRepository.PendingRefund pending : refunds.pending(clock.instant().minus(Duration.ofMinutes(1)))) {
			if (!(ask(pending) instanceof RefundOutcome.NotConfirmed)) {
				settled++;
			}
		}
		return settled;
	}

	private Begun begin(long staffId, long paymentId, long amount, String reason, String attemptKey) {
		String key = "refund-" + paymentId + "-" + attemptKey;
		// Looked for after the payment's row lock: a request with the same key that held
		// the lock has committed its refund by now, so a double submit finds it instead
		// of inserting the key a second time.
		Optional<PaymentRecord> payment = refunds.lockRecord(paymentId);
		Optional<RefundRepository.PendingRefund> earlier = refunds.findByKey(key);
		if (earlier.isPresent()) {
			return new Begun(earlier.get(), null);
		}
		if (payment.isEmpty() || !payment.get().succeeded()) {
			return new Begun(null, "Only a successful payment can be refunded.");
		}
		if (PaymentPurpose.INVOICE.code().equals(payment.get().purpose())) {
			return new Begun(null, "An invoice paid by bank transfer is paid back by bank, not refunded here.");
		}
		long left = payment.get().refundable() - refunds.pendingAmount(paymentId);
		if (amount <= 0 || amount > left) {
			return new Begun(null, "A refund must be more than nothing and at most "
					+ Money.format(Math.max(left, 0), payment.get().currency()) + ".");
		}
		String why = reason.isBlank() ? "Refund" : reason.strip();
		if (why.length() > 500) {
			return new Begun(null, "The reason must be at most 500 characters.");
		}
		return new Begun(refunds.insertPending(paymentId, amount, why, "staff:" + staffId, key, clock.instant()), null);
	}

	private RefundOutcome ask(RefundRepository.PendingRefund refund) {
		if (!"pending".equals(refund.status())) {
			return outcomeOf(refund);
		}
		PaymentGateway.RefundResult result;
		try {
			result = gateway.refund(refund.request());
		}
		catch (PaymentGatewayException ex) {
			log.warn("Refund not confirmed refundId={} reason={}", refund.id(), ex.getMessage());
			return new RefundOutcome.NotConfirmed();
		}
		transaction.executeWithoutResult(status -> {
			if (refunds.settle(refund.id(), result, clock.instant())
					&& result instanceof PaymentGateway.RefundResult.Refunded) {
				refunds.recountRefunded(refund.paymentId());
				events.publishEvent(new PaymentRefunded(refund.id(), refund.paymentId(), refund.amount(),
						refund.currency(), clock.instant()));
				new SubscriptionEventLog.Actor(refund.requestedBy()).staffId()
					.ifPresent(staffId -> audit.record(staffId, "payment.refunded", "payment " + refund.paymentId(),
							Money.format(refund.amount(), refund.currency()) + " (refund " + refund.id() + ")"));
			}
		});
		log.info("Refund settled refundId={} paymentId={} amount={}", refund.id(), refund.paymentId(), refund.amount());
		return outcomeOf(refunds.findByKey(refund.idempotencyKey()).orElseThrow());
	}

	private static RefundOutcome outcomeOf(RefundRepository.PendingRefund refund) {
		return switch (refund.status()) {
			case "succeeded" -> new RefundOutcome.Refunded(refund.id(), refund.amount(), refund.currency());
			case "failed" -> new RefundOutcome.Refused(refund.failureReason());
			default -> new RefundOutcome.NotConfirmed();
		};
	}

	private record Begun(RefundRepository.@Nullable PendingRefund refund, @Nullable String refused) {
	}

}
