package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member's subscription as the account page and staff tools show it.
 *
 * @param id the subscription's id
 * @param planCode the plan subscribed to (null for a comp)
 * @param planName the plan's name (null for a comp)
 * @param tier the access tier it grants
 * @param interval how often it is charged (null for a comp)
 * @param price what each period costs, in minor units (0 for a comp)
 * @param currency ISO 4217 code (null for a comp)
 * @param status where it is in its life
 * @param comped granted by staff without payment
 * @param currentPeriodStart start of the period paid for (of the grant, for a comp)
 * @param currentPeriodEnd end of the period paid for: the next charge date while active,
 * the last day of access once canceled; null for an incomplete subscription or a comp
 * without end
 * @param pastDueSince when the failed charge that made it past due happened
 * @param gift redeemed from a gift: it ends at the period end and is never charged
 * @param invoiced a group licence staff sold by invoice: never charged to a card
 */
public record SubscriptionSummary(long id, @Nullable String planCode, @Nullable String planName, String tier,
		@Nullable BillingInterval interval, long price, @Nullable String currency, SubscriptionStatus status,
		boolean comped, Instant currentPeriodStart, @Nullable Instant currentPeriodEnd, @Nullable Instant pastDueSince,
		boolean gift, boolean invoiced) {
}
