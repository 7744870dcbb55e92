package org.backstory.members.account;

/**
 * A member's request to use another address, as its link finds it.
 *
 * @param memberId whose address changes
 * @param newEmail the address it changes to
 * @param state whether the link still works
 */
public record EmailChange(long memberId, String newEmail, TokenCheck.State state) {
}
