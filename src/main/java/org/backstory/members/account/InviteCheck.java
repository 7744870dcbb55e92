package org.backstory.members.account;

import org.jspecify.annotations.Nullable;

/**
 * What an opened invite link turned out to be.
 *
 * @param state valid, expired, used, revoked or unknown
 * @param invite the invite, unless the link is unknown
 * @param accountExists whether the invited address already has an account (who must then
 * sign in to accept)
 */
public record InviteCheck(State state, @Nullable StaffInvite invite, boolean accountExists) {

	public enum State {

		VALID, EXPIRED, USED, REVOKED, UNKNOWN

	}

	static InviteCheck unknown() {
		return new InviteCheck(State.UNKNOWN, null, false);
	}

	public boolean valid() {
		return state == State.VALID;
	}

}
