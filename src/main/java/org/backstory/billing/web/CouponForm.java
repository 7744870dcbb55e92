package org.backstory.billing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.NewCoupon;
import org.jspecify.annotations.Nullable;

/**
 * The new-coupon form on the coupons page, as typed.
 *
 * @param code what readers will type
 * @param name for staff and readers, e.g. {@code Spring sale}
 * @param kind {@code percent} or {@code amount}
 * @param percentOff whole percent, for {@code percent}
 * @param amountOff in major units, e.g. {@code 2.50}, for {@code amount}
 * @param currency ISO 4217 code of the amount
 * @param duration {@code once}, {@code repeating} or {@code forever}
 * @param durationMonths for {@code repeating}
 * @param redeemBy last day it can be redeemed ({@code yyyy-mm-dd}, UTC), or empty for no
 * expiry
 * @param maxRedemptions how many redemptions in all, or empty for no limit
 * @param plan the code of the only plan it is for, or empty for any plan
 */
public record CouponForm(@Nullable String code, @Nullable String name, @Nullable String kind,
		@Nullable String percentOff, @Nullable String amountOff, @Nullable String currency, @Nullable String duration,
		@Nullable String durationMonths, @Nullable String redeemBy, @Nullable String maxRedemptions,
		@Nullable String plan) {

	static CouponForm empty() {
		return new CouponForm(null, null, "percent", null, null, "USD", "once", null, null, null, null);
	}

	/**
	 * The coupon to create, or what to fix, by field ({@code form} for the coupon as a
	 * whole).
	 */
	Checked check() {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer percent = null;
		Long amount = null;
		String money = null;
		if ("amount".equals(kind)) {
			money = text(currency).toUpperCase(Locale.ROOT);
			amount = minorUnits(money, errors);
		}
		else {
			percent = whole(percentOff, "percentOff", "Enter the percent off as a whole number.", errors);
		}
		CouponDuration lasts = CouponDuration.fromCode(duration).orElse(null);
		if (lasts == null) {
			errors.put("duration", "Choose how long the discount lasts.");
		}
		Integer months = lasts == CouponDuration.REPEATING
				? whole(durationMonths, "durationMonths", "Enter the number of months.", errors) : null;
		Instant expires = expiry(errors);
		Integer max = text(maxRedemptions).isEmpty() ? null : whole(maxRedemptions, "maxRedemptions",
				"Enter the limit as a whole number, or leave it empty.", errors);
		if (!errors.isEmpty() || lasts == null) {
			return new Checked(null, errors);
		}
		try {
			return new Checked(new NewCoupon(text(code), text(name), percent, amount, money, lasts, months, expires,
					max, text(plan).isEmpty() ? null : text(plan)), errors);
		}
		catch (IllegalArgumentException ex) {
			errors.put("form", ex.getMessage());
			return new Checked(null, errors);
		}
	}

	private @Nullable Long minorUnits(String currencyCode, Map<String, String> errors) {
		Currency money;
		try {
			money = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException ex) {
			errors.put("currency", "Enter a currency code such as USD.");
			return null;
		}
		try {
			BigDecimal major = new BigDecimal(text(amountOff));
			return major.movePointRight(Math.max(money.getDefaultFractionDigits(), 0)).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.put("amountOff", "Enter the amount off, e.g. 2.50.");
			return null;
		}
	}

	private @Nullable Instant expiry(Map<String, String> errors) {
		if (text(redeemBy).isEmpty()) {
			return null;
		}
		try {
			// Redeemable through the whole of that day, in UTC.
			return LocalDate.parse(text(redeemBy)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.put("redeemBy", "Enter the last day as YYYY-MM-DD, or leave it empty.");
			return null;
		}
	}

	private static @Nullable Integer whole(@Nullable String value, String field, String message,
			Map<String, String> errors) {
		try {
			return Integer.valueOf(text(value));
		}
		catch (NumberFormatException ex) {
			errors.put(field, message);
			return null;
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	/** The outcome of {@link #check}: a coupon when there are no errors. */
	record Checked(@Nullable NewCoupon coupon, Map<String, String> errors) {
	}

}
