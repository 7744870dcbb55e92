package org.backstory.members;

/**
 * A member's name, address, note or labels changed. Published synchronously inside the
 * changing transaction, after the change, so a listener reads the member as it now is.
 *
 * @param memberId the member's id
 */
public record MemberEdited(long memberId) {
}
