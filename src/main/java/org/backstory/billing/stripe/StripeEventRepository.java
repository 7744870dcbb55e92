package org.backstory.billing.stripe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stripe events as stored: each once by its id, with its processing's lease, attempts,
 * last error and next try.
 */
@Repository
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeEventRepository {

	private final JdbcClient jdbc;

	StripeEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An event claimed for processing. */
	record Claimed(String type, int attempts, String payload) {
	}

	/**
	 * Stores the event, due at once, unless one with its id was stored before.
	 * @return whether it was new
	 */
	boolean insert(StripeEvent event, String payload, Instant now) {
		return jdbc.sql("""
				insert into billing.stripe_event (id, type, created, payload, received_at, next_attempt_at)
				values (:id, :type, :created, cast(:payload as jsonb), :now, :now)
				on conflict (id) do nothing
				""")
			.param("id", event.id())
			.param("type", event.type())
			.param("created", Timestamp.from(event.created()))
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/**
	 * Claims the event until {@code leaseEnd} and counts the attempt, if it is
	 * unprocessed and due at {@code now}.
	 */
	Optional<Claimed> claim(String eventId, Instant now, Instant leaseEnd) {
		return jdbc.sql("""
				update billing.stripe_event set attempts = attempts + 1, next_attempt_at = :leaseEnd
				where id = :id and processed_at is null and next_attempt_at <= :now
				returning type, attempts, payload::text
				""")
			.param("id", eventId)
			.param("now", Timestamp.from(now))
			.param("leaseEnd", Timestamp.from(leaseEnd))
			.query((rs, row) -> new Claimed(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.optional();
	}

	/** Records a failed attempt of an unprocessed event and when to try again. */
	void recordFailure(String eventId, String error, Instant retryAt) {
		jdbc.sql("""
				update billing.stripe_event set last_error = :error, next_attempt_at = :retryAt
				where id = :id and processed_at is null
				""").param("id", eventId).param("error", error).param("retryAt", Timestamp.from(retryAt)).update();
	}

	void markProcessed(String eventId, Instant now) {
		jdbc.sql("""
				update billing.stripe_event set processed_at = :now, next_attempt_at = null, last_error = null
				where id = :id
				""").param("id", eventId).param("now", Timestamp.from(now)).update();
	}

	/** Up to {@code limit} unprocessed events due at {@code now}, oldest first. */
	List<String> due(Instant now, int limit) {
		return jdbc.sql("""
				select id from billing.stripe_event where processed_at is null and next_attempt_at <= :now
				order by created, id limit :limit
				""").param("now", Timestamp.from(now)).param("limit", limit).query(String.class).list();
	}

	/** When an unprocessed event is next due; empty once it is processed or unknown. */
	Optional<Instant> nextAttemptOf(String eventId) {
		return jdbc.sql("select next_attempt_at from billing.stripe_event where id = :id and processed_at is null")
			.param("id", eventId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

}
