package org.backstory.members.account;

import org.backstory.members.MemberRole;

/**
 * A member's role changed (staff page, or an accepted invite). Published inside the
 * change's transaction, in which the member's sessions follow: a step up ends them (a
 * session signed in as a reader must not become a staff session), a step down relabels
 * them, so the lower role applies from their next request.
 *
 * @param memberId whose role changed
 * @param from the role they had
 * @param role the role they have now
 */
public record RoleChanged(long memberId, MemberRole from, MemberRole role) {

	/**
	 * Whether the new role is higher on the ladder (member, contributor ...
	 * administrator, owner).
	 */
	public boolean promotion() {
		return role.compareTo(from) > 0;
	}

}
