package org.backstory.billing.web;

import org.backstory.billing.Money;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponDuration;
import org.jspecify.annotations.Nullable;

/** Trials and coupons in words, the same on the checkout, subscribe and coupon pages. */
final class OfferTexts {

	private OfferTexts() {
	}

	/** E.g. {@code 14-day free trial, then $5.00/month}. */
	static String trial(int days, long price, String currency, String interval) {
		return days + "-day free trial, then " + Money.format(price, currency) + "/" + interval;
	}

	/** E.g. {@code 20% off for 3 months}, {@code $2.00 off the first payment}. */
	static String coupon(Coupon coupon) {
		return off(coupon.percentOff(), coupon.amountOff(), coupon.currency()) + " "
				+ duration(coupon.duration(), coupon.durationMonths());
	}

	private static String off(@Nullable Integer percentOff, @Nullable Long amountOff, @Nullable String currency) {
		if (percentOff != null) {
			return percentOff + "% off";
		}
		return Money.format(amountOff == null ? 0 : amountOff, currency == null ? "USD" : currency) + " off";
	}

	private static String duration(CouponDuration duration, @Nullable Integer months) {
		return switch (duration) {
			case ONCE -> "the first payment";
			case FOREVER -> "every payment";
			case REPEATING -> months != null && months == 1 ? "for 1 month" : "for " + months + " months";
		};
	}

}
