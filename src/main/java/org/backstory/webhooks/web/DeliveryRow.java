package org.backstory.webhooks.web;

/**
 * A delivery as the webhook's page lists it.
 *
 * @param id its id
 * @param event the event's name
 * @param createdAt when the change happened (UTC)
 * @param status pending, delivered or failed
 * @param responseCode the last HTTP status, or "none"
 * @param attempts how many times it was sent
 * @param detail why the last attempt failed, or when the next one is due, or empty
 */
public record DeliveryRow(long id, String event, String createdAt, String status, String responseCode, int attempts,
		String detail) {
}
