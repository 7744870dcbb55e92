package org.backstory.billing.checkout;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTests {

	private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");

	private static final Instant FEB = Instant.parse("2027-02-01T00:00:00Z");

	@Test
	void aPercentageIsRoundedToTheNearestMinorUnit() {
		assertThat(new Discount(15, null, null).apply(799, JAN)).isEqualTo(new ChargeAmount(799, 120, 0));
	}

	@ParameterizedTest
	@CsvSource({ "500, 20, 100", "499, 15, 75", "333, 50, 167", "1, 50, 1", "1, 49, 0", "500, 100, 500" })
	void halvesRoundUp(long list, int percent, long off) {
		assertThat(new Discount(percent, null, null).off(list)).isEqualTo(off);
	}

	@Test
	void anAmountOffNeverTakesMoreThanThePrice() {
		assertThat(new Discount(null, 300L, null).apply(800, JAN).due()).isEqualTo(500);
		assertThat(new Discount(null, 5000L, null).apply(800, JAN).due()).isZero();
	}

	@Test
	void itAppliesToPeriodsStartingBeforeItEnds() {
		Discount untilFebruary = new Discount(50, null, FEB);
		assertThat(untilFebruary.apply(800, JAN).due()).isEqualTo(400);
		assertThat(untilFebruary.apply(800, FEB.minusSeconds(1)).due()).isEqualTo(400);
		assertThat(untilFebruary.apply(800, FEB).due()).isEqualTo(800);
		assertThat(untilFebruary.appliesTo(FEB)).isFalse();
	}

	@Test
	void withoutAnEndItAppliesToEveryPeriod() {
		assertThat(new Discount(20, null, null).apply(500, Instant.parse("2099-01-01T00:00:00Z")).due()).isEqualTo(400);
	}

	@Test
	void noDiscountAppliesToNothing() {
		assertThat(Discount.NONE.appliesTo(JAN)).isFalse();
		assertThat(Discount.NONE.apply(800, JAN)).isEqualTo(ChargeAmount.of(800));
	}

	@Test
	void creditTakesOffWhatIsLeftAfterTheDiscountAndNoMore() {
		ChargeAmount charge = new Discount(50, null, null).apply(800, JAN).withCredit(1000);
		assertThat(charge).isEqualTo(new ChargeAmount(800, 400, 400));
		assertThat(charge.due()).isZero();
		assertThat(Discount.NONE.apply(800, JAN).withCredit(300).due()).isEqualTo(500);
	}

	@Test
	void aDiscountIsAPercentageOrAnAmountNotBoth() {
		assertThatThrownBy(() -> new Discount(10, 100L, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Discount(0, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Discount(101, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Discount(null, 0L, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCouponForThreeMonthsOnAMonthlyPlanDiscountsExactlyThreeRenewalsFromTheThirtyFirst() {
		Instant start = Instant.parse("2026-01-31T10:00:00Z");
		Coupon coupon = new Coupon(7, "SPRING", "Spring", 20, null, null, CouponDuration.REPEATING, 3, null, null, 0,
				null, true);
		Discount discount = coupon.discountFrom(start, BillingInterval.MONTH);
		Instant period = start;
		int discounted = 0;
		for (int month = 0; month < 12; month++) {
			if (discount.apply(500, period).discount() > 0) {
				discounted++;
			}
			// As the renewal run steps: anchored on the 31st (28 Feb, 31 Mar, 30 Apr,
			// ...).
			period = BillingInterval.MONTH.periodEnd(period, 31);
		}

		assertThat(discounted).isEqualTo(3);
		assertThat(discount).isEqualTo(new Discount(20, null, Instant.parse("2026-04-30T10:00:00Z")));
	}

}
