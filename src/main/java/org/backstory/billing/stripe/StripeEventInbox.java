package org.backstory.billing.stripe;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where verified Stripe events are stored before they are answered, each once, then
 * processed.
 */
@Component
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeEventInbox {

	/** One task per stored event; its instance id is the event id. */
	static final TaskDescriptor<Void> PROCESSING = TaskDescriptor.of("stripe-event");

	private final JdbcClient jdbc;

	private final Scheduler scheduler;

	private final Clock clock;

	StripeEventInbox(JdbcClient jdbc, Scheduler scheduler, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Stores the event, with its processing scheduled for right after commit, unless an
	 * event with its id was stored before.
	 * @return whether it was new
	 */
	@Transactional
	boolean store(StripeEvent event, String payload) {
		Instant now = clock.instant();
		int stored = jdbc.sql("""
				insert into billing.stripe_event (id, type, created, payload, received_at, next_attempt_at)
				values (:id, :type, :created, cast(:payload as jsonb), :now, :now)
				on conflict (id) do nothing
				""")
			.param("id", event.id())
			.param("type", event.type())
			.param("created", Timestamp.from(event.created()))
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update();
		if (stored == 0) {
			return false;
		}
		scheduler.scheduleIfNotExists(PROCESSING.instance(event.id()).scheduledTo(now));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				scheduler.triggerCheckForDueExecutions();
			}
		});
		return true;
	}

}
