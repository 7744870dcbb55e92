package org.backstory.members.account;

/**
 * Someone proved for the first time that they hold a member's address (an emailed link
 * came back): any password chosen before is cleared, and every session of the member but
 * the one that proved it must end. Published inside the proof's transaction.
 *
 * @param memberId whose address was proven
 */
public record AddressProven(long memberId) {
}
