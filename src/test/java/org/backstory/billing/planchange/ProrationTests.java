package org.backstory.billing.planchange;

import java.time.Duration;
import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationTests {

	/** A 30-day period, so shares come out in whole days. */
	private static final Instant START = Instant.parse("2027-04-01T00:00:00Z");

	private static final Instant END = Instant.parse("2027-05-01T00:00:00Z");

	private static Instant day(int day) {
		return START.plus(Duration.ofDays(day));
	}

	@Test
	void anUpgradeHalfWayThroughChargesHalfTheNewPriceLessHalfTheOld() {
		Proration proration = Proration.sameInterval(500, 1000, Discount.NONE, START, END, day(15));

		assertThat(proration).isEqualTo(new Proration(500, 0, 250, START, END));
		assertThat(proration.charge(0)).isEqualTo(new ChargeAmount(500, 0, 250));
		assertThat(proration.charge(0).due()).isEqualTo(250);
		assertThat(proration.creditAdded()).isZero();
	}

	@Test
	void aDowngradeHalfWayThroughLeavesTheDifferenceAsCreditAndChargesNothing() {
		Proration proration = Proration.sameInterval(1000, 500, Discount.NONE, START, END, day(15));

		assertThat(proration.net()).isEqualTo(-250);
		assertThat(proration.charge(0).due()).isZero();
		assertThat(proration.creditAdded()).isEqualTo(250);
		assertThat(proration.balanceUsed(700)).as("credit the member has is left alone").isZero();
	}

	@Test
	void theSubscriptionsDiscountComesOffBothPrices() {
		Proration proration = Proration.sameInterval(1000, 2000, new Discount(20, null, null), START, END, day(15));

		assertThat(proration).isEqualTo(new Proration(1000, 200, 400, START, END));
		assertThat(proration.charge(0).due()).isEqualTo(400);
	}

	@Test
	void aDiscountThatEndedBeforeThePeriodBeganTakesNothingOff() {
		Discount ended = new Discount(50, null, START);

		assertThat(Proration.sameInterval(1000, 2000, ended, START, END, day(15)))
			.isEqualTo(new Proration(1000, 0, 500, START, END));
	}

	@Test
	void movingToYearlyStartsAYearNowAndCreditsWhatIsLeftOfTheMonth() {
		Instant at = day(10);

		Proration proration = Proration.newInterval(500, 5000, BillingInterval.YEAR, Discount.NONE, START, END, at);

		assertThat(proration.periodStart()).isEqualTo(at);
		assertThat(proration.periodEnd()).isEqualTo(BillingInterval.YEAR.periodEnd(at));
		assertThat(proration.unused()).as("20 of 30 days of $5, rounded down").isEqualTo(333);
		assertThat(proration.charge(0).due()).isEqualTo(5000 - 333);
	}

	@Test
	void movingToMonthlyEarlyInAYearLeavesCreditForTheMonthsAfter() {
		Instant yearStart = Instant.parse("2026-04-01T00:00:00Z");
		Instant yearEnd = BillingInterval.YEAR.periodEnd(yearStart);
		Instant at = yearStart.plus(Duration.ofDays(73));

		Proration proration = Proration.newInterval(36500, 500, BillingInterval.MONTH, Discount.NONE, yearStart,
				yearEnd, at);

		assertThat(proration.unused()).isEqualTo(36500 - 7300);
		assertThat(proration.charge(0).due()).isZero();
		assertThat(proration.creditAdded()).isEqualTo(36500 - 7300 - 500);
		assertThat(proration.periodEnd()).isEqualTo(BillingInterval.MONTH.periodEnd(at));
	}

	@Test
	void aNewIntervalGetsTheDiscountForAPeriodStartingNow() {
		Discount untilDayTwenty = new Discount(null, 1000L, day(20));

		assertThat(
				Proration.newInterval(500, 5000, BillingInterval.YEAR, untilDayTwenty, START, END, day(10)).discount())
			.isEqualTo(1000);
		assertThat(
				Proration.newInterval(500, 5000, BillingInterval.YEAR, untilDayTwenty, START, END, day(25)).discount())
			.isZero();
	}

	@Test
	void creditTheMemberHadPaysWhatTheUnusedPartDoesNot() {
		Proration proration = Proration.sameInterval(500, 1000, Discount.NONE, START, END, day(15));

		assertThat(proration.charge(100)).isEqualTo(new ChargeAmount(500, 0, 350));
		assertThat(proration.balanceUsed(100)).isEqualTo(100);
		assertThat(proration.charge(400).due()).isZero();
		assertThat(proration.balanceUsed(400)).as("only what is owed").isEqualTo(250);
	}

	@Test
	void sharesAreRoundedDownToTheMinorUnit() {
		// 1 of 30 days left: 999 / 30 = 33.3 and 1001 / 30 = 33.37
		Proration proration = Proration.sameInterval(999, 1001, Discount.NONE, START, END, day(29));

		assertThat(proration.unused()).isEqualTo(33);
		assertThat(proration.list()).isEqualTo(33);
		assertThat(proration.charge(0).due()).isZero();
		assertThat(proration.creditAdded()).isZero();
	}

	@Test
	void aChangeAtTheVeryStartIsTheWholeDifference() {
		Proration proration = Proration.sameInterval(500, 1000, Discount.NONE, START, END, START);

		assertThat(proration.charge(0).due()).isEqualTo(500);
	}

}
