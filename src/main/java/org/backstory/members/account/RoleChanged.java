package org.backstory.members.account;

import org.backstory.members.MemberRole;

/**
 * A member's role changed (staff page, or an accepted invite). Published inside the change's transaction; the
 * member's sessions are relabelled in it, so the new role applies from their next request.
 *
 * @param memberId whose role changed
 * @param role the role they have now
 */
public record RoleChanged(long memberId, MemberRole role) {
}
