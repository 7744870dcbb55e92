package org.backstory.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.junit.jupiter.api.Test;

class CouponDurationTests {

	private static final Instant START = Instant.parse("2026-01-31T10:00:00Z");

	@Test
	void onceEndsWithTheFirstPaidPeriod() {
		assertThat(CouponDuration.ONCE.discountEnd(START, BillingInterval.MONTH, null))
			.isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
		assertThat(CouponDuration.ONCE.discountEnd(START, BillingInterval.YEAR, null))
			.isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
	}

	@Test
	void repeatingMonthsStepThroughMonthlyPeriodsAsRenewalsDo() {
		// 31 Jan → 28 Feb → 31 Mar → 30 Apr: renewals come back to the anchor day.
		assertThat(CouponDuration.REPEATING.discountEnd(START, BillingInterval.MONTH, 3))
			.isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
		assertThat(CouponDuration.REPEATING.discountEnd(START, BillingInterval.MONTH, 1))
			.isEqualTo(CouponDuration.ONCE.discountEnd(START, BillingInterval.MONTH, null));
	}

	@Test
	void repeatingMonthsOnAYearlyPlanCountCalendarMonths() {
		assertThat(CouponDuration.REPEATING.discountEnd(START, BillingInterval.YEAR, 13))
			.isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
	}

	@Test
	void foreverNeverEnds() {
		assertThat(CouponDuration.FOREVER.discountEnd(START, BillingInterval.MONTH, null)).isNull();
	}

	@Test
	void repeatingNeedsMonths() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CouponDuration.REPEATING.discountEnd(START, BillingInterval.MONTH, null));
	}

	@Test
	void codesRoundTrip() {
		for (CouponDuration duration : CouponDuration.values()) {
			assertThat(CouponDuration.fromCode(duration.code())).contains(duration);
		}
		assertThat(CouponDuration.fromCode("weekly")).isEmpty();
		assertThat(CouponDuration.fromCode(null)).isEmpty();
	}

}
