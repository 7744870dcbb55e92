package org.backstory.webhooks.web;

/**
 * A webhook as its row on the admin pages shows it.
 *
 * @param id its id
 * @param event the event's name
 * @param targetUrl where it posts
 * @param name staff's name for it, possibly empty
 * @param active whether it is sending
 * @param state "active", or why it is disabled
 * @param lastAttempt when it last tried to deliver, or "never"
 */
public record HookRow(long id, String event, String targetUrl, String name, boolean active, String state,
		String lastAttempt) {
}
