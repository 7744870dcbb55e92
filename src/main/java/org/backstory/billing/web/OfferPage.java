package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * An offer's landing page.
 *
 * @param title the offer's heading
 * @param description its text, plain; empty for none
 * @param planName the plan it is for, e.g. {@code Supporter}
 * @param terms what it gives, e.g. {@code 50% off the first payment}
 * @param price the plan's price without the offer, e.g. {@code $10.00/month}
 * @param discountedPrice the first payment with the offer, e.g. {@code $5.00}; null when
 * the offer does not change it (a trial)
 * @param href where the button leads: the checkout, through sign-up for readers not
 * signed in
 * @param button the button's label
 * @param signInHref signing in first, then the checkout, for readers not signed in; null
 * for members
 * @param ended true when the offer was archived: the page says it is no longer available
 */
public record OfferPage(String title, String description, @Nullable String planName, @Nullable String terms,
		@Nullable String price, @Nullable String discountedPrice, @Nullable String href, @Nullable String button,
		@Nullable String signInHref, boolean ended) {

	OfferPage(String title, String description, String planName, String terms, String price,
			@Nullable String discountedPrice, String href, String button, @Nullable String signInHref) {
		this(title, description, planName, terms, price, discountedPrice, href, button, signInHref, false);
	}

	/** The page of an offer that is no longer available. */
	static OfferPage ended(String title) {
		return new OfferPage(title, "", null, null, null, null, null, null, null, true);
	}

}
