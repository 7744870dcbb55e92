package org.backstory.billing.web;

/**
 * One plan on the subscribe page, with a link per interval: straight to checkout for a signed-in
 * reader, through sign-up (coming back to checkout) for anyone else.
 */
public record PlanOffer(String name, String description, String monthlyPrice, String yearlyPrice, String monthlyHref,
		String yearlyHref) {
}
