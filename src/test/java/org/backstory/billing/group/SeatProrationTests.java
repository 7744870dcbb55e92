package org.backstory.billing.group;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seats added mid-period cost the extra-seat price × seats × the whole UTC days left of
 * the period (the day they are added included, the end's day not) ÷ the period's days,
 * rounded down to the cent; periods are the renewal's own
 * ({@link BillingInterval#periodEnd}).
 */
class SeatProrationTests {

	@ParameterizedTest(name = "{0} from {1} (anchor {2}), {5} seats at {4} added {3}: {8} for {7} of {6} days")
	@CsvSource(textBlock = """
			MONTH, 2026-03-15T10:00:00Z, 15, 2026-03-20T08:00:00Z,  400, 2,  31,  26,   670
			MONTH, 2026-03-15T10:00:00Z, 15, 2026-03-15T11:00:00Z,  400, 2,  31,  31,   800
			MONTH, 2026-03-15T10:00:00Z, 15, 2026-04-14T23:59:59Z,  400, 2,  31,   1,    25
			MONTH, 2026-03-15T10:00:00Z, 15, 2026-04-15T09:00:00Z,  400, 2,  31,   0,     0
			MONTH, 2027-01-31T10:00:00Z, 31, 2027-02-14T00:00:00Z,  400, 1,  28,  14,   200
			MONTH, 2028-01-31T10:00:00Z, 31, 2028-02-28T12:00:00Z,  400, 1,  29,   1,    13
			MONTH, 2028-01-31T10:00:00Z, 31, 2028-02-01T00:00:00Z,  400, 1,  29,  28,   386
			YEAR,  2026-01-10T10:00:00Z, 10, 2026-07-01T00:00:00Z, 4000, 1, 365, 193,  2115
			YEAR,  2028-01-15T10:00:00Z, 15, 2028-07-01T00:00:00Z, 4000, 3, 366, 198,  6491
			YEAR,  2026-01-10T10:00:00Z, 10, 2027-01-09T22:00:00Z, 4000, 1, 365,   1,    10
			YEAR,  2026-01-10T10:00:00Z, 10, 2027-01-10T09:00:00Z, 4000, 1, 365,   0,     0
			""")
	void theDaysLeftOfTheRenewalsOwnPeriodAreChargedRoundedDownToTheCent(BillingInterval interval, Instant start,
			int anchorDay, Instant now, long seatPrice, int seats, int periodDays, int daysLeft, long amount) {
		SeatProration share = SeatProration.of(start, interval.periodEnd(start, anchorDay), now);

		assertThat(share.periodDays()).isEqualTo(periodDays);
		assertThat(share.daysLeft()).isEqualTo(daysLeft);
		assertThat(share.amount(seatPrice, seats)).isEqualTo(amount);
	}

}
