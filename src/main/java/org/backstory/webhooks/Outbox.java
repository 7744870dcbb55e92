package org.backstory.webhooks;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a delivery row per active webhook of the event, and its
 * db-scheduler task, written in the caller's transaction (the change being reported), so
 * the change and its deliveries commit or vanish together and a crash after commit loses
 * nothing. The scheduler is nudged after commit so the first attempt follows at once.
 */
@Component
class Outbox {

	private final HookRepository hooks;

	private final Scheduler scheduler;

	private final Clock clock;

	Outbox(HookRepository hooks, Scheduler scheduler, Clock clock) {
		this.hooks = hooks;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Whether any active webhook listens to {@code event}: when none does, no body needs
	 * building.
	 */
	boolean wanted(WebhookEvent event) {
		return !hooks.activeFor(event.key()).isEmpty();
	}

	/** Queues {@code body} for every active webhook of {@code event}. */
	void record(WebhookEvent event, Supplier<String> body) {
		List<Long> targets = hooks.activeFor(event.key());
		if (targets.isEmpty()) {
			return;
		}
		String text = body.get();
		targets.forEach(hookId -> queue(hookId, event.key(), text));
	}

	/** Queues a body again for one webhook, as a new delivery ("send again"). */
	long queue(long hookId, String event, String body) {
		long id = hooks.insertDelivery(hookId, event, body, clock.instant());
		scheduler.schedule(WebhookTasks.DELIVERY.instance(String.valueOf(id)).scheduledTo(clock.instant()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					scheduler.triggerCheckForDueExecutions();
				}
			});
		}
		return id;
	}

}
