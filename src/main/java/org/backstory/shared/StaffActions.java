package org.backstory.shared;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records staff actions for the audit log by publishing {@link StaffActed}; call it
 * inside the action's transaction.
 */
@Component
public class StaffActions {

	private final ApplicationEventPublisher events;

	StaffActions(ApplicationEventPublisher events) {
		this.events = events;
	}

	public void record(long actorId, String action, String subject, String detail) {
		events.publishEvent(new StaffActed(actorId, action, subject, detail));
	}

}
