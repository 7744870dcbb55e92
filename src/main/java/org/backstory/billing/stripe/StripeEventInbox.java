package org.backstory.billing.stripe;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.springframework.context.annotation.Conditional;
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

	private final StripeEventRepository events;

	private final Scheduler scheduler;

	private final Clock clock;

	StripeEventInbox(StripeEventRepository events, Scheduler scheduler, Clock clock) {
		this.events = events;
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
		if (!events.insert(event, payload, now)) {
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
