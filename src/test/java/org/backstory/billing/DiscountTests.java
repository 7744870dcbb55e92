package org.backstory.billing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTests {

	private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");

	private static final Instant FEB = Instant.parse("2027-02-01T00:00:00Z");

	@Test
	void aPercentageIsRoundedToTheNearestMinorUnit() {
		assertThat(new Discount(15, null, null).apply(799, JAN)).isEqualTo(new ChargeAmount(799, 120, 0));
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
		assertThat(untilFebruary.apply(800, FEB).due()).isEqualTo(800);
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
	}

}
