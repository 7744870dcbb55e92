package org.backstory.billing.card;

/**
 * A member put a new card on file. Published in-module and handled synchronously, so a
 * past-due renewal is retried with the new card before the member's request returns:
 * access comes back as soon as the charge goes through.
 */
public record CardReplaced(long memberId) {
}
