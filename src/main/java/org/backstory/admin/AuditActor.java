package org.backstory.admin;

/**
 * A choice in the audit log's actor filter.
 *
 * @param id the member id
 * @param name their name, or a note that the account is gone
 */
public record AuditActor(long id, String name) {
}
