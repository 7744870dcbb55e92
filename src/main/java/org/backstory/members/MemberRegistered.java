package org.backstory.members;

/**
 * An account was created (sign-up or {@link MemberDirectory#createAccount}). Published synchronously in
 * the creating transaction.
 *
 * @param memberId the new member's id
 */
public record MemberRegistered(long memberId) {
}
