package org.backstory.billing.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.ledger.SubscriptionEventLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Refunds the gateway reports, recorded against our payments. */
@Component
public class GatewayRefunds {

	private final RefundRepository refunds;

	private final PaymentGateway gateway;

	private final Clock clock;

	GatewayRefunds(RefundRepository refunds, PaymentGateway gateway, Clock clock) {
		this.refunds = refunds;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** Our payment that is the gateway's charge {@code chargeId}. */
	public Optional<Long> paymentOf(String chargeId) {
		return refunds.idOfCharge(gateway.name(), chargeId);
	}

	/**
	 * Adds the refunds we have no row for (by the gateway's id, or by the key we asked
	 * with) and raises the payment's refunded amount to {@code amountRefunded}. Locking
	 * the payment serialises two reports about one charge.
	 */
	@Transactional
	public void record(long paymentId, long amountRefunded, List<GatewayRefund> reported) {
		refunds.lock(paymentId);
		Instant now = clock.instant();
		String actor = SubscriptionEventLog.Actor.gateway(gateway.name()).code();
		for (GatewayRefund refund : reported) {
			String key = refund.idempotencyKey() != null ? refund.idempotencyKey()
					: "gateway-refund-" + refund.refundId();
			String reason = refund.reason() == null ? "Refunded at the payment service"
					: "Refunded at the payment service (" + refund.reason() + ")";
			refunds.insertSettledUnlessKnown(paymentId, refund.amount(), reason, actor, key, refund.refundId(), now);
		}
		refunds.raiseRefunded(paymentId, amountRefunded);
	}

}
