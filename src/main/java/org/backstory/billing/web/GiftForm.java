package org.backstory.billing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backstory.billing.gift.GiftPurchase;
import org.jspecify.annotations.Nullable;

/**
 * The gift fields of the gift page, as typed (the card fields are a {@link CardForm}).
 *
 * @param plan the code of the plan given
 * @param months {@code 1}, {@code 3}, {@code 6} or {@code 12}
 * @param recipientEmail where the redeem link goes
 * @param message an optional note for the recipient
 */
public record GiftForm(@Nullable String plan, @Nullable String months, @Nullable String recipientEmail,
		@Nullable String message) {

	static GiftForm empty() {
		return new GiftForm(null, "3", null, null);
	}

	/** The typed values, checked: what to fix, by field; empty when they can be used. */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (text(plan).isEmpty()) {
			errors.put("plan", "Choose a plan.");
		}
		if (monthCount() == 0) {
			errors.put("months", "Choose 1, 3, 6 or 12 months.");
		}
		if (!GiftPurchase.isEmail(text(recipientEmail))) {
			errors.put("recipientEmail", "Enter the recipient's email address.");
		}
		if (text(message).length() > GiftPurchase.MAX_MESSAGE) {
			errors.put("message", "The message can be at most " + GiftPurchase.MAX_MESSAGE + " characters.");
		}
		return errors;
	}

	/** The chosen months, or 0 when the choice is not one on offer. */
	int monthCount() {
		try {
			int count = Integer.parseInt(text(months));
			return GiftPurchase.MONTHS.contains(count) ? count : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
