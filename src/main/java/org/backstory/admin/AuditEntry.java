package org.backstory.admin;

import java.time.Instant;

/**
 * One line of the audit log: a staff action as it was recorded.
 *
 * @param id the entry's id
 * @param actorId who acted (a members.member id; the account may be gone since)
 * @param action what was done, e.g. {@code member.comped}
 * @param subject what it was done to
 * @param detail anything else recorded; may be empty
 * @param occurredAt when it was recorded (the action's commit)
 */
public record AuditEntry(long id, long actorId, String action, String subject, String detail, Instant occurredAt) {
}
