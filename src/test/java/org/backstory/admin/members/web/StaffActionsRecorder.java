package org.backstory.admin.members.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backstory.shared.StaffActed;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Keeps every {@link StaffActed} the app publishes, so tests can check an action was audited. */
@TestComponent
class StaffActionsRecorder {

	private final List<StaffActed> actions = new CopyOnWriteArrayList<>();

	@EventListener
	void on(StaffActed action) {
		actions.add(action);
	}

	List<StaffActed> by(long staffId) {
		return actions.stream().filter(action -> action.actorId() == staffId).toList();
	}

}
