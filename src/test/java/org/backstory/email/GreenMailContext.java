package org.backstory.email;

import com.icegreen.greenmail.util.GreenMail;
import org.backstory.LoopbackSmtp;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The setup the SMTP test classes share: a context of their own whose mail goes to a
 * GreenMail server on the loopback, from the given sender, with a db-scheduler table of
 * its own so that its delivery tasks run here, through SMTP, and in no other context.
 */
final class GreenMailContext {

	private GreenMailContext() {
	}

	/**
	 * Starts {@code smtp} and routes the application's mail to it.
	 * @param from the configured sender, e.g. {@code Name <news@example.test>}
	 * @param schema the schema of this context's own scheduler table
	 */
	static void route(GreenMail smtp, DynamicPropertyRegistry registry, String from, String schema) {
		LoopbackSmtp.routeMailTo(smtp, registry);
		registry.add("backstory.mail.from", () -> from);
		registry.add("db-scheduler.table-name", () -> OwnSchedulerTable.create(schema));
	}

}
