package org.backstory.billing.gift;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A gift row with its plan's code and name.
 *
 * @param buyerId null once the buyer has been forgotten
 * @param recipientEmail null once the member who redeemed it has been forgotten
 */
record Gift(long id, @Nullable Long buyerId, @Nullable String buyerName, @Nullable String recipientEmail,
		String message, String planCode, String planName, int months, long amount, String currency, Status status,
		long paymentId) {

	/** Where a gift is: paid for, then redeemed, or its payment pending or declined. */
	enum Status {

		PENDING, FAILED, PURCHASED, REDEEMED;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status fromCode(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	GiftView view() {
		return new GiftView(planName, months, buyerName, message, status == Status.REDEEMED);
	}

}
