package org.backstory.billing.planchange;

import java.time.Instant;

import org.backstory.billing.BillingInterval;

/**
 * What moving to another plan or interval would cost now, shown to the member before they
 * confirm.
 *
 * @param planCode the plan moved to
 * @param planName its name
 * @param interval the interval moved to
 * @param price the new price per period, before any discount
 * @param currency ISO 4217 code
 * @param credit taken off what is due: the unused part of the current period, and credit
 * the member already had
 * @param dueNow charged at once when the member confirms; zero when credit covers it or
 * in a trial
 * @param creditAdded left over after the change, taken off the next charges
 * @param nextChargeOn when the subscription is next charged (the new period's end; the
 * trial's end in a trial)
 * @param trial the subscription is in its free trial: nothing is charged until it ends
 * @param quotedAt the moment the amounts are worked out for; confirming within half an
 * hour keeps them
 */
public record PlanChangeQuote(String planCode, String planName, BillingInterval interval, long price, String currency,
		long credit, long dueNow, long creditAdded, Instant nextChargeOn, boolean trial, Instant quotedAt) {
}
