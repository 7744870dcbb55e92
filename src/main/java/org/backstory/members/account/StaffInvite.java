package org.backstory.members.account;

import java.time.Instant;

import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join the staff.
 *
 * @param id the invite's id
 * @param email the address it was mailed to
 * @param role the role it gives
 * @param invitedBy the member id of who sent it, or null when that account is gone
 * @param createdAt when it was sent
 * @param expiresAt when its link stops working
 * @param acceptedAt when it was accepted, or null
 * @param revokedAt when it was revoked (or replaced by a newer invite to the address), or
 * null
 */
public record StaffInvite(long id, String email, MemberRole role, @Nullable Long invitedBy, Instant createdAt,
		Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

	/** What the invite's link would do now. */
	public InviteCheck.State state(Instant now) {
		if (acceptedAt != null) {
			return InviteCheck.State.USED;
		}
		if (revokedAt != null) {
			return InviteCheck.State.REVOKED;
		}
		return expiresAt.isAfter(now) ? InviteCheck.State.VALID : InviteCheck.State.EXPIRED;
	}

}
