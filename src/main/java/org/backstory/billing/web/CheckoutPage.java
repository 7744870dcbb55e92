package org.backstory.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * The checkout form's frame: what is being bought and the hidden fields that travel with the card.
 *
 * @param planName e.g. {@code Supporter}
 * @param price e.g. {@code $5.00}
 * @param interval {@code month} or {@code year}
 * @param action where the form posts, {@code /checkout/{plan}}
 * @param attemptId this checkout attempt; submitting it twice charges once
 * @param next where to go after paying, if the reader came from somewhere
 * @param message a problem with the payment as a whole (decline, no answer), or null
 */
public record CheckoutPage(String planName, String price, String interval, String action, String attemptId,
		@Nullable String next, @Nullable String message) {
}
