package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * One plan on the subscribe page, with a link per interval: straight to checkout for a
 * signed-in reader, through sign-up (coming back to checkout) for anyone else.
 *
 * @param trial e.g. {@code 14-day free trial, then $5.00/month}, or null for a plan
 * without a trial
 */
public record PlanOffer(String name, String description, String monthlyPrice, String yearlyPrice, String monthlyHref,
		String yearlyHref, @Nullable String trial) {
}
