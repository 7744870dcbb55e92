package org.backstory.billing.checkout;

import java.time.Instant;
import java.util.Currency;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A coupon to create. The constructor rejects values the catalog could not store, with a
 * sentence for staff saying which.
 *
 * @param code 1 to 40 letters, digits, dashes or underscores; unique regardless of case
 * @param name 1 to 80 characters
 * @param percentOff 1 to 99 percent, or null for an amount (a free subscription is a
 * comp, not a coupon)
 * @param amountOff minor units above zero, or null for a percentage
 * @param currency ISO 4217 code of {@code amountOff}; null with a percentage
 * @param duration how long the discount lasts
 * @param durationMonths 1 to 120 for {@link CouponDuration#REPEATING}, else null
 * @param redeemBy the last moment it can be redeemed, or null for no expiry
 * @param maxRedemptions above zero, or null for no limit
 * @param planCode the only plan it can be used with, or null for any plan
 */
public record NewCoupon(String code, String name, @Nullable Integer percentOff, @Nullable Long amountOff,
		@Nullable String currency, CouponDuration duration, @Nullable Integer durationMonths,
		@Nullable Instant redeemBy, @Nullable Integer maxRedemptions, @Nullable String planCode) {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

	public NewCoupon {
		require(CODE.matcher(code).matches(),
				"The code must be 1 to 40 letters, digits, dashes or underscores, starting with a letter or digit.");
		require(!name.isBlank() && name.length() <= 80, "The name must be 1 to 80 characters.");
		require((percentOff == null) != (amountOff == null), "Give either a percentage or an amount off, not both.");
		require(percentOff == null || (percentOff >= 1 && percentOff <= 99),
				"Percent off must be 1 to 99. Free access is a comp, not a coupon.");
		require(amountOff == null || amountOff > 0, "The amount off must be above zero.");
		require((amountOff == null) == (currency == null), "An amount off needs a currency, a percentage none.");
		require(currency == null || isCurrency(currency), "The currency must be an ISO 4217 code such as USD.");
		require((duration == CouponDuration.REPEATING) == (durationMonths != null),
				"A repeating coupon needs a number of months; the others none.");
		require(durationMonths == null || (durationMonths >= 1 && durationMonths <= 120),
				"A repeating coupon lasts 1 to 120 months.");
		require(maxRedemptions == null || maxRedemptions > 0, "The redemption limit must be above zero.");
	}

	private static boolean isCurrency(String code) {
		return code.matches("[A-Z]{3}")
				&& Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
