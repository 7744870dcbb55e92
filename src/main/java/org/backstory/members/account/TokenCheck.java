package org.backstory.members.account;

/**
 * What a presented token turned out to be.
 *
 * @param state valid, expired, used or unknown
 * @param memberId the member it belongs to, or 0 when unknown
 */
public record TokenCheck(State state, long memberId) {

	public enum State {

		VALID, EXPIRED, USED, UNKNOWN

	}

	static TokenCheck unknown() {
		return new TokenCheck(State.UNKNOWN, 0);
	}

	public boolean valid() {
		return state == State.VALID;
	}

}
