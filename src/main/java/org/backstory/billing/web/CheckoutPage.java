package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * The checkout form's frame: what is being bought and the hidden fields that travel with
 * the card.
 *
 * @param planName e.g. {@code Supporter}
 * @param price e.g. {@code $5.00}
 * @param interval {@code month} or {@code year}
 * @param action where the form posts, {@code /checkout/{plan}}
 * @param attemptId this checkout attempt; submitting it twice charges once
 * @param next where to go after paying, if the reader came from somewhere
 * @param message a problem with the payment as a whole (decline, no answer), or null
 * @param summary what is charged when, e.g.
 * {@code $5.00 per month, charged today and then every month.}
 * @param payLabel the submit button, e.g. {@code Pay $4.00 and subscribe} or
 * {@code Start your free trial}
 * @param coupon the coupon code that applies, carried with the card, or null
 * @param couponApplied what the applied coupon gives, e.g.
 * {@code SPRING: 20% off for 3 months}, or null
 * @param typedCoupon the code in the coupon field (applied or not)
 * @param couponError why the typed code cannot be used (or that no code is checked for
 * now), or null
 * @param article the article the member was on when they chose to subscribe, carried with
 * the card, or null
 * @param offer the code of the offer the member came from, carried with the card, or null
 * @param offerApplied what the offer gives, with the price before and after, or null
 * @param offerError why the offer cannot be taken, or null
 * @param seats for a group plan, the seats bought, carried with the card; null for any
 * other plan
 * @param seatTerms a group plan's seat terms, or null
 */
public record CheckoutPage(String planName, String price, String interval, String action, String attemptId,
		@Nullable String next, @Nullable String message, String summary, String payLabel, @Nullable String coupon,
		@Nullable String couponApplied, @Nullable String typedCoupon, @Nullable String couponError,
		@Nullable Long article, @Nullable String offer, @Nullable String offerApplied, @Nullable String offerError,
		@Nullable Integer seats, @Nullable String seatTerms) {
}
