package org.backstory.admin;

/**
 * One line of the audit log page.
 *
 * @param when the time, e.g. {@code 3 Dec 2026 14:05 UTC}
 * @param actor who acted, by name
 * @param action what was done, e.g. {@code member.comped}
 * @param subject what it was done to
 * @param detail anything else recorded; may be empty
 */
public record AuditRow(String when, String actor, String action, String subject, String detail) {
}
