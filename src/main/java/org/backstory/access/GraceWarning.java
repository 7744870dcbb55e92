package org.backstory.access;

import java.time.Instant;

import org.backstory.billing.Entitlement;

/**
 * A member reads in grace after a failed payment: until when, and who settles it.
 *
 * @param endsAt when the grace period ends
 * @param settledBy the member by card, their institution by invoice, or their group's
 * manager
 */
public record GraceWarning(Instant endsAt, Entitlement.Payment settledBy) {
}
