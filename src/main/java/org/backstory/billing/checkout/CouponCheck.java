package org.backstory.billing.checkout;

import java.time.Instant;

import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;

/** What a coupon code typed at checkout comes to. */
sealed interface CouponCheck {

	/** No code was typed. */
	record None() implements CouponCheck {
	}

	/** The code cannot be used; nothing is charged or started. */
	record Refused(CouponRefusal refusal) implements CouponCheck {
	}

	/** The coupon applies, with these terms for the subscription. */
	record Applies(Coupon coupon, Discount discount) implements CouponCheck {
	}

	/** The charge for a period of {@code list} price starting at {@code periodStart}. */
	default ChargeAmount charge(long list, Instant periodStart) {
		return this instanceof Applies applies ? applies.discount().apply(list, periodStart) : ChargeAmount.of(list);
	}

}
