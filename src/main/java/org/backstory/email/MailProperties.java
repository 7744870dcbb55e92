package org.backstory.email;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail leaves the app. With a {@code host} ({@code BACKSTORY_SMTP_HOST}) it goes over
 * SMTP; without one every message is written to the dev outbox,
 * {@code <data-dir>/outbox}.
 *
 * @param host the SMTP server, or blank for the dev outbox
 * @param port the SMTP port ({@code BACKSTORY_SMTP_PORT}, default 587)
 * @param username the SMTP user, blank for none ({@code BACKSTORY_SMTP_USERNAME})
 * @param password the SMTP password ({@code BACKSTORY_SMTP_PASSWORD})
 * @param from the sender, e.g. {@code Backstory <no-reply@example.com>}
 * ({@code BACKSTORY_SMTP_FROM})
 * @param starttls whether the connection must be upgraded with STARTTLS
 * ({@code BACKSTORY_SMTP_STARTTLS}, default true)
 */
@ConfigurationProperties("backstory.mail")
record MailProperties(@Nullable String host, @DefaultValue("587") int port, @Nullable String username,
		@Nullable String password, @DefaultValue("Backstory <no-reply@localhost>") String from,
		@DefaultValue("true") boolean starttls) {

	boolean smtp() {
		return host != null && !host.isBlank();
	}

	boolean authenticated() {
		return username != null && !username.isBlank();
	}

}
