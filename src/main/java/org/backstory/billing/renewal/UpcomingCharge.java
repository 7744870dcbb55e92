package org.backstory.billing.renewal;

import java.time.Instant;

/**
 * The next charge of a running subscription, as the renewal run will make it if nothing
 * changes.
 *
 * @param on when: the end of the current period (or of the trial)
 * @param list the price before anything is taken off
 * @param discount taken off by the subscription's coupon
 * @param credit taken off from the member's credit balance
 * @param amount what will be charged
 * @param creditBalance all the credit the member has now, some of which may be left for
 * later charges
 * @param currency ISO 4217 code
 */
public record UpcomingCharge(Instant on, long list, long discount, long credit, long amount, long creditBalance,
		String currency) {
}
