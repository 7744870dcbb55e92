package org.backstory.shared;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Prometheus counter of business events that counts an event only once the transaction
 * it happened in commits (at once when there is none), so a rolled-back sign-up or a
 * renewal batch retried one by one is not counted twice.
 */
public final class CommittedCounter {

	private final Counter counter;

	public CommittedCounter(Counter counter) {
		this.counter = counter;
	}

	/** Counts one event. */
	public void increment() {
		increment(1);
	}

	/** Counts {@code events} events (none when zero). */
	public void increment(int events) {
		if (events <= 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(events);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				counter.increment(events);
			}

		});
	}

}
