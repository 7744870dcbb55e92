package org.backstory.billing.web;

import org.backstory.billing.Money;
import java.util.Objects;

import org.backstory.billing.checkout.CheckoutQuote;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.Offer;
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

	/**
	 * What an offer gives at checkout, with the price before and after, e.g.
	 * {@code Spring sale: 50% off the first payment. $5.00 instead of $10.00.}
	 */
	static String offerOnCheckout(CheckoutQuote quote) {
		Offer offer = Objects.requireNonNull(quote.offer());
		String currency = quote.plan().currency();
		if (offer.discount() == null) {
			return offer.title() + ": " + quote.trialDays() + " days free, then "
					+ Money.format(quote.price(), currency) + "/" + quote.interval().code() + ".";
		}
		return offer.title() + ": " + coupon(offer.discount()) + ". " + Money.format(quote.firstCharge(), currency)
				+ " instead of " + Money.format(quote.price(), currency) + ".";
	}

	/**
	 * An offer's terms for its plan, e.g. {@code 50% off the first payment} or
	 * {@code 30-day free trial, then $5.00/month}.
	 */
	static String offer(Offer offer, long price, String currency) {
		return offer.discount() == null
				? trial(Objects.requireNonNull(offer.trialDays()), price, currency, offer.interval().code())
				: coupon(offer.discount());
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
