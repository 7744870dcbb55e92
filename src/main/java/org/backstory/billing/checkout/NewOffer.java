package org.backstory.billing.checkout;

import java.util.regex.Pattern;

import org.backstory.billing.BillingInterval;
import org.jspecify.annotations.Nullable;

/**
 * An offer to create. The constructor rejects values the catalog could not store, with a
 * sentence for staff saying which.
 *
 * @param code the URL slug: 1 to 40 lower-case letters, digits or dashes
 * @param title 1 to 80 characters
 * @param description up to 2,000 characters, plain text
 * @param planCode the plan it is for
 * @param interval the billing interval it is for
 * @param discount a discount offer's terms, as a coupon of the offer's code for its plan;
 * null for a trial offer
 * @param trialDays 1 to 365 free days for a trial offer; null for a discount offer
 */
public record NewOffer(String code, String title, String description, String planCode, BillingInterval interval,
		@Nullable NewCoupon discount, @Nullable Integer trialDays) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	public NewOffer {
		require(CODE.matcher(code).matches(),
				"The code must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit.");
		require(!title.isBlank() && title.length() <= 80, "The title must be 1 to 80 characters.");
		require(description.length() <= 2000, "The text must be at most 2,000 characters.");
		require((discount == null) != (trialDays == null), "An offer gives either a discount or a free trial.");
		require(trialDays == null || (trialDays >= 1 && trialDays <= 365), "A free trial lasts 1 to 365 days.");
		require(discount == null || (discount.code().equals(code) && planCode.equals(discount.planCode())
				&& discount.redeemBy() == null && discount.maxRedemptions() == null),
				"A discount offer's terms are a coupon of its own code and plan.");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
