package org.backstory.billing.web;

import java.util.UUID;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.GroupTerms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The parameters every step of a checkout carries from page to page, in the query string
 * or the form: bound once here instead of in each handler.
 *
 * @param interval {@code month} (also when absent or empty) or {@code year}
 * @param next where to go after subscribing
 * @param coupon the code typed in the coupon field
 * @param article the article the reader came from
 * @param attempt the form's attempt id; required when paying
 * @param offer the code of the offer the reader came from ({@code /offer/<code>}), or
 * null
 * @param seats for a group plan, the seats chosen, the manager's own included
 */
record CheckoutRequest(@Nullable String interval, @Nullable String next, @Nullable String coupon,
		@Nullable String article, @Nullable String attempt, @Nullable String offer, @Nullable String seats) {

	/** The seats asked for, or null when none were. */
	@Nullable Integer seatCount() {
		if (seats == null || seats.isBlank()) {
			return null;
		}
		try {
			int count = Integer.parseInt(seats.strip());
			if (count >= 1 && count <= GroupTerms.MAX_SEATS) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"seats must be a whole number from 1 to " + GroupTerms.MAX_SEATS);
	}

	BillingInterval billingInterval() {
		if (interval == null || interval.isEmpty()) {
			return BillingInterval.MONTH;
		}
		return BillingInterval.fromCode(interval)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "interval must be month or year"));
	}

	UUID attemptId() {
		if (attempt == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "attempt is required");
		}
		return Pages.attemptId(attempt);
	}

}
