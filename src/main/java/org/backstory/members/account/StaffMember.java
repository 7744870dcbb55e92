package org.backstory.members.account;

import java.time.Instant;

import org.backstory.members.MemberRole;

/**
 * One person on the staff, as the staff page lists them.
 *
 * @param id the member id
 * @param email the sign-in address
 * @param name the display name
 * @param role their staff role
 * @param since when they joined the staff
 */
public record StaffMember(long id, String email, String name, MemberRole role, Instant since) {
}
