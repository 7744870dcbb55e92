package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTests {

	private static final Instant START = Instant.parse("2026-01-31T10:00:00Z");

	private static final Instant END = Instant.parse("2026-04-28T10:00:00Z");

	@ParameterizedTest
	@CsvSource({ "500, 20, 100", "499, 15, 75", "333, 50, 167", "1, 50, 1", "1, 49, 0", "500, 100, 500" })
	void aPercentageIsRoundedToTheNearestMinorUnitHalvesUp(long list, int percent, long off) {
		assertThat(new Discount(1, percent, null, null).off(list)).isEqualTo(off);
	}

	@Test
	void anAmountIsTakenOffWhole() {
		assertThat(new Discount(1, null, 150L, null).off(500)).isEqualTo(150);
	}

	@Test
	void anAmountNeverTakesOffMoreThanThePrice() {
		ChargeAmount charge = new Discount(1, null, 800L, null).apply(500, START);

		assertThat(charge).isEqualTo(new ChargeAmount(500, 500, 0));
		assertThat(charge.due()).isZero();
	}

	@Test
	void aPeriodStartingBeforeTheEndGetsTheDiscount() {
		assertThat(new Discount(1, 20, null, END).apply(500, END.minusSeconds(1))).isEqualTo(new ChargeAmount(500, 100, 0));
	}

	@Test
	void aPeriodStartingAtOrAfterTheEndPaysTheFullPrice() {
		Discount discount = new Discount(1, 20, null, END);

		assertThat(discount.apply(500, END)).isEqualTo(ChargeAmount.of(500));
		assertThat(discount.apply(500, END.plusSeconds(86_400))).isEqualTo(ChargeAmount.of(500));
		assertThat(discount.appliesTo(END)).isFalse();
	}

	@Test
	void aDiscountWithoutEndAppliesToEveryPeriod() {
		assertThat(new Discount(1, 20, null, null).apply(500, Instant.parse("2099-01-01T00:00:00Z")).due())
			.isEqualTo(400);
	}

	@Test
	void noDiscountChargesTheListPrice() {
		assertThat(Discount.apply(null, 500, START)).isEqualTo(ChargeAmount.of(500));
	}

	@Test
	void aDiscountIsEitherAPercentageOrAnAmount() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, 20, 100L, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, 0, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, 101, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, null, 0L, null));
	}

	@Test
	void theTermsOfACouponRedeemedForAMonthlyPlanCoverExactlyTheFirstNPeriods() {
		Discount discount = coupon(CouponDuration.REPEATING, 3).discountFrom(START, BillingInterval.MONTH);
		Instant period = START;
		int discounted = 0;
		for (int month = 0; month < 12; month++) {
			if (discount.apply(500, period).discount() > 0) {
				discounted++;
			}
			period = BillingInterval.MONTH.periodEnd(period);
		}

		assertThat(discounted).isEqualTo(3);
		assertThat(discount).isEqualTo(new Discount(7, 20, null, END));
	}

	private static Coupon coupon(CouponDuration duration, Integer months) {
		return new Coupon(7, "SPRING", "Spring", 20, null, null, duration, months, null, null, 0, null, true);
	}

}
