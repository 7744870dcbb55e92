package org.backstory.billing.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Refunds the gateway reports, recorded against our payments. */
@Component
public class GatewayRefunds {

	private final JdbcClient jdbc;

	private final PaymentGateway gateway;

	private final Clock clock;

	GatewayRefunds(JdbcClient jdbc, PaymentGateway gateway, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** Our payment that is the gateway's charge {@code chargeId}. */
	public Optional<Long> paymentOf(String chargeId) {
		return jdbc.sql("select id from billing.payment where gateway_charge_id = :charge and gateway = :gateway")
			.param("charge", chargeId)
			.param("gateway", gateway.name())
			.query(Long.class)
			.optional();
	}

	/**
	 * Adds the refunds we have no row for (by the gateway's id, or by the key we asked
	 * with) and raises the payment's refunded amount to {@code amountRefunded}. Locking
	 * the payment serialises two reports about one charge.
	 */
	@Transactional
	public void record(long paymentId, long amountRefunded, List<GatewayRefund> refunds) {
		jdbc.sql("select id from billing.payment where id = :id for update")
			.param("id", paymentId)
			.query(Long.class)
			.single();
		Instant now = clock.instant();
		for (GatewayRefund refund : refunds) {
			String key = refund.idempotencyKey() != null ? refund.idempotencyKey()
					: "gateway-refund-" + refund.refundId();
			jdbc.sql(
					"""
							insert into billing.refund (payment_id, amount, status, reason, requested_by, idempotency_key,
							    gateway_refund_id, created_at, settled_at)
							select :payment, :amount, 'succeeded', :reason, :actor, :key, :refund, :now, :now
							where not exists (select 1 from billing.refund where gateway_refund_id = :refund or idempotency_key = :key)
							on conflict (idempotency_key) do nothing
							""")
				.param("payment", paymentId)
				.param("amount", refund.amount())
				.param("reason",
						refund.reason() == null ? "Refunded at the payment service"
								: "Refunded at the payment service (" + refund.reason() + ")")
				.param("actor", SubscriptionEventLog.Actor.gateway(gateway.name()).code())
				.param("key", key)
				.param("refund", refund.refundId())
				.param("now", Timestamps.of(now))
				.update();
		}
		jdbc.sql("""
				update billing.payment set refunded_amount = least(amount, :refunded)
				where id = :id and refunded_amount < least(amount, :refunded)
				""").param("id", paymentId).param("refunded", amountRefunded).update();
	}

}
