package org.backstory.members;

/**
 * A member's address was proven by an emailed link that came back: for the first time
 * (sign-up confirmation, sign-in link, password reset, staff invite), or after an address
 * change. Published synchronously inside the proving transaction, so a listener that
 * grants something for the address (a seat of a group licence for its domain) commits
 * with the proof.
 *
 * @param memberId whose address was proven
 * @param email the proven address
 */
public record AddressVerified(long memberId, String email) {
}
