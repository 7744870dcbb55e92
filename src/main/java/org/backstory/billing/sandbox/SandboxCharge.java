package org.backstory.billing.sandbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGateway.Charge;
import org.backstory.billing.payment.PaymentGateway.ChargeResult;
import org.backstory.billing.payment.PaymentGatewayException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One charge the sandbox made, remembered by its idempotency key. */
record SandboxCharge(String id, String idempotencyKey, String token, long amount, String currency, boolean succeeded,
		@Nullable String declineCode, @Nullable String declineMessage) {

	static SandboxCharge succeeded(String id, Charge request) {
		return new SandboxCharge(id, request.idempotencyKey(), request.cardToken(), request.amount(),
				request.currency(), true, null, null);
	}

	static SandboxCharge declined(String id, Charge request, String code, String message) {
		return new SandboxCharge(id, request.idempotencyKey(), request.cardToken(), request.amount(),
				request.currency(), false, code, message);
	}

	static Optional<SandboxCharge> find(JdbcClient jdbc, String idempotencyKey) {
		return find(jdbc, "idempotency_key", idempotencyKey);
	}

	static Optional<SandboxCharge> findById(JdbcClient jdbc, String id) {
		return find(jdbc, "id", id);
	}

	private static Optional<SandboxCharge> find(JdbcClient jdbc, String column, String value) {
		return jdbc.sql("""
				select id, idempotency_key, token, amount, currency, succeeded, decline_code, decline_message
				from billing.sandbox_charge where %s = :value
				""".formatted(column))
			.param("value", value)
			.query((rs, row) -> new SandboxCharge(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

	/** Records this charge unless one with its key exists; whether it was recorded. */
	boolean insertIfAbsent(JdbcClient jdbc, Instant now) {
		return jdbc.sql("""
				insert into billing.sandbox_charge
				    (id, idempotency_key, token, amount, currency, succeeded, decline_code, decline_message, created_at)
				values (:id, :key, :token, :amount, :currency, :succeeded, :code, :message, :now)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", id)
			.param("key", idempotencyKey)
			.param("token", token)
			.param("amount", amount)
			.param("currency", currency)
			.param("succeeded", succeeded)
			.param("code", declineCode)
			.param("message", declineMessage)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * This charge's result, for a request carrying its key; Stripe refuses a key reused
	 * for something else.
	 */
	ChargeResult answerTo(Charge request) {
		if (!token.equals(request.cardToken()) || amount != request.amount() || !currency.equals(request.currency())) {
			throw new PaymentGatewayException("idempotency key reused with different parameters");
		}
		return answer();
	}

	/** This charge's result as it stands. */
	ChargeResult answer() {
		if (succeeded) {
			return new ChargeResult.Succeeded(id);
		}
		return new ChargeResult.Declined(id, declineCode == null ? "card_declined" : declineCode,
				declineMessage == null ? "Your card was declined." : declineMessage);
	}

}
