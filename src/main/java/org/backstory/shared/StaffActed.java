package org.backstory.shared;

/**
 * A staff member did something the owner may want to look back on: published an article,
 * changed a price, comped a member, exported members. Published inside the action's
 * transaction, so the audit log (kept by the admin module) records it exactly when the
 * action commits.
 *
 * @param actorId the staff member's id (a members.member id), or for an integration
 * acting through the Admin API the negative of its id ({@code api.Integration.actorId})
 * @param action what was done, a short dotted name such as {@code article.published}
 * @param subject what it was done to, as staff would name it (e.g.
 * {@code article 12 "Why rents rise"})
 * @param detail anything else worth keeping, e.g. the new price; may be empty
 */
public record StaffActed(long actorId, String action, String subject, String detail) {
}
