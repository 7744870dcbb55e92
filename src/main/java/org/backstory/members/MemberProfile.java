package org.backstory.members;

import java.time.Instant;

/**
 * What other modules may know about a member.
 *
 * @param id the member's id, the key other modules store
 * @param email the sign-in address
 * @param name the display name
 * @param role member or staff role
 * @param emailVerified whether the member has proved the address is theirs
 * @param joinedAt when the account was created
 */
public record MemberProfile(long id, String email, String name, MemberRole role, boolean emailVerified,
		Instant joinedAt) {
}
