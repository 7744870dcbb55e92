package org.backstory.api.web;

/**
 * One integration as the integrations page lists it.
 *
 * @param id the integration's id
 * @param name its name
 * @param role the role its Admin API calls act with, in words
 * @param adminKeyId the public half of its Admin API key
 * @param created when it was created, in words
 * @param revoked when it was revoked, in words, or null while active
 */
public record IntegrationRow(long id, String name, String role, String adminKeyId, String created,
		@org.jspecify.annotations.Nullable String revoked) {
}
