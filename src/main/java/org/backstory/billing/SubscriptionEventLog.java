package org.backstory.billing;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to the subscription event log, the history revenue figures are computed from. */
@Component
class SubscriptionEventLog {

	/** What caused a status change. */
	enum Cause {

		/** A reader started checkout. */
		CHECKOUT_STARTED,
		/** An unfinished checkout was set aside for another way of subscribing. */
		CHECKOUT_ABANDONED,
		/** The first charge at checkout succeeded. */
		FIRST_PAYMENT,
		/** Brought over from another platform. */
		IMPORTED,
		/** Staff granted free access. */
		COMP_GRANTED;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final JdbcClient jdbc;

	SubscriptionEventLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long subscriptionId, @Nullable SubscriptionStatus from, SubscriptionStatus to, Cause cause,
			Instant at) {
		record(subscriptionId, from, to, cause, null, null, null, at);
	}

	void record(long subscriptionId, @Nullable SubscriptionStatus from, SubscriptionStatus to, Cause cause,
			@Nullable Long amount, @Nullable String currency, @Nullable Long paymentId, Instant at) {
		jdbc.sql("""
				insert into billing.subscription_event
				    (subscription_id, from_status, to_status, cause, amount, currency, payment_id, occurred_at)
				values (:subscription, :from, :to, :cause, :amount, :currency, :payment, :at)
				""")
			.param("subscription", subscriptionId)
			.param("from", from == null ? null : from.code())
			.param("to", to.code())
			.param("cause", cause.code())
			.param("amount", amount)
			.param("currency", currency)
			.param("payment", paymentId)
			.param("at", Timestamps.of(at))
			.update();
	}

}
