package org.backstory.newsletters;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the newsletters module's tables, for other modules' tests that
 * count or remove newsletters without running SQL on {@code newsletters.*}.
 */
public final class NewsletterProbe {

	private NewsletterProbe() {
	}

	/** How many newsletters there are, archived ones included. */
	public static long newsletterCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from newsletters.newsletter").query(Long.class).single();
	}

	/** Removes a newsletter a test made, with its opt-ins. */
	public static void forgetNewsletter(JdbcClient jdbc, long newsletterId) {
		jdbc.sql("delete from newsletters.newsletter where id = :id").param("id", newsletterId).update();
	}

}
