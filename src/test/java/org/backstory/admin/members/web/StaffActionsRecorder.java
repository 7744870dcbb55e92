package org.backstory.admin.members.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backstory.shared.StaffActed;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Keeps every {@link StaffActed} the app publishes while attached, so tests can check an
 * action was audited. Attached to the running context rather than declared as a bean, so
 * the test classes share the cached application context of the other tests (each extra
 * context holds its own database connections).
 */
final class StaffActionsRecorder implements AutoCloseable {

	private final List<StaffActed> actions = new CopyOnWriteArrayList<>();

	private final ApplicationEventMulticaster multicaster;

	private final ApplicationListener<PayloadApplicationEvent<StaffActed>> listener = ApplicationListener
		.forPayload(actions::add);

	private StaffActionsRecorder(ApplicationEventMulticaster multicaster) {
		this.multicaster = multicaster;
	}

	static StaffActionsRecorder attach(ApplicationContext context) {
		StaffActionsRecorder recorder = new StaffActionsRecorder(context.getBean(
				AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class));
		recorder.multicaster.addApplicationListener(recorder.listener);
		return recorder;
	}

	List<StaffActed> by(long staffId) {
		return actions.stream().filter(action -> action.actorId() == staffId).toList();
	}

	@Override
	public void close() {
		multicaster.removeApplicationListener(listener);
	}

}
