package org.backstory.webhooks;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the webhooks module's tables, for other modules' tests that check
 * what was (or was not) queued for a hook without running SQL on {@code webhooks.*}.
 */
public final class WebhooksProbe {

	private WebhooksProbe() {
	}

	/** How many deliveries were queued for the hook {@code hookId}. */
	public static long deliveriesFor(JdbcClient jdbc, long hookId) {
		return jdbc.sql("select count(*) from webhooks.delivery where hook_id = ?")
			.param(hookId)
			.query(Long.class)
			.single();
	}

}
