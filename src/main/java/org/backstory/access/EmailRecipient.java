package org.backstory.access;

/**
 * What the access policy says about one member receiving an emailed article.
 *
 * @param memberId the member
 * @param paying whether the member has the rights of a paying subscriber now (paid,
 * trialing, comped, in grace, or canceled inside the paid period); decides the free and
 * paid audiences
 * @param edition the version of the article the member may receive
 */
public record EmailRecipient(long memberId, boolean paying, Edition edition) {
}
