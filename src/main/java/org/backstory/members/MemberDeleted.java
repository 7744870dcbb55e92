package org.backstory.members;

/**
 * A member deleted their account. Published synchronously inside the deleting
 * transaction, before the member's row is removed (so {@link MemberDirectory#profile}
 * still finds it): other modules delete their rows for this member in a plain
 * {@code @EventListener}, and an exception there rolls the deletion back.
 *
 * @param memberId the deleted member's id
 */
public record MemberDeleted(long memberId) {
}
