package org.backstory.billing.checkout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.payment.Discount;
import org.jspecify.annotations.Nullable;

/** How long a coupon's discount lasts once redeemed, as Stripe's coupon durations. */
public enum CouponDuration {

	/** The first paid period only. */
	ONCE,
	/** A number of months from the start of the first paid period. */
	REPEATING,
	/** Every charge, for as long as the subscription lasts. */
	FOREVER;

	/**
	 * When a discount redeemed now stops applying ({@link Discount#endsAt()}): the end of
	 * the first paid period for {@link #ONCE}; for {@link #REPEATING}, the end of the
	 * {@code months}-th monthly period counted from the first paid one (on a yearly plan,
	 * {@code months} calendar months after it starts); null for {@link #FOREVER}.
	 * <p>
	 * Monthly periods are counted by stepping the interval from the same anchor day as
	 * renewals step ({@link BillingInterval#periodEnd(Instant, int)}): a subscription
	 * that starts on 31 January renews on 28 February, 31 March and 30 April, so three
	 * months end on 30 April, where the fourth charge's period starts.
	 * @param firstPaidPeriodStart when the first charged period starts: now, or the end
	 * of a free trial
	 */
	public @Nullable Instant discountEnd(Instant firstPaidPeriodStart, BillingInterval interval,
			@Nullable Integer months) {
		return switch (this) {
			case ONCE -> interval.periodEnd(firstPaidPeriodStart);
			case FOREVER -> null;
			case REPEATING -> {
				if (months == null || months < 1) {
					throw new IllegalArgumentException("a repeating discount needs a number of months");
				}
				if (interval == BillingInterval.YEAR) {
					yield firstPaidPeriodStart.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
				}
				int anchorDay = BillingInterval.anchorDay(firstPaidPeriodStart);
				Instant end = firstPaidPeriodStart;
				for (int month = 0; month < months; month++) {
					end = BillingInterval.MONTH.periodEnd(end, anchorDay);
				}
				yield end;
			}
		};
	}

	/** The lower-case code stored in the database, e.g. {@code repeating}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The duration for a code such as {@code once}; empty for anything else. */
	public static Optional<CouponDuration> fromCode(@Nullable String code) {
		for (CouponDuration duration : values()) {
			if (duration.code().equals(code)) {
				return Optional.of(duration);
			}
		}
		return Optional.empty();
	}

}
