package org.backstory.billing;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Period ends on the billing cycle anchor, as Stripe renews: the anchor day when the
 * month has it, else the month's last day, and back to the anchor day after.
 */
class BillingIntervalTests {

	@ParameterizedTest(name = "{0} from {1} anchored on {2} ends {3}")
	@CsvSource(textBlock = """
			MONTH, 2027-01-31T10:00:00Z, 31, 2027-02-28T10:00:00Z
			MONTH, 2027-02-28T10:00:00Z, 31, 2027-03-31T10:00:00Z
			MONTH, 2027-03-31T10:00:00Z, 31, 2027-04-30T10:00:00Z
			MONTH, 2027-04-30T10:00:00Z, 31, 2027-05-31T10:00:00Z
			MONTH, 2028-01-31T10:00:00Z, 31, 2028-02-29T10:00:00Z
			MONTH, 2028-02-29T10:00:00Z, 31, 2028-03-31T10:00:00Z
			MONTH, 2028-01-30T10:00:00Z, 30, 2028-02-29T10:00:00Z
			MONTH, 2028-02-29T10:00:00Z, 30, 2028-03-30T10:00:00Z
			MONTH, 2027-01-29T10:00:00Z, 29, 2027-02-28T10:00:00Z
			MONTH, 2027-02-28T10:00:00Z, 29, 2027-03-29T10:00:00Z
			MONTH, 2028-02-29T10:00:00Z, 29, 2028-03-29T10:00:00Z
			MONTH, 2027-11-30T10:00:00Z, 31, 2027-12-31T10:00:00Z
			MONTH, 2027-12-31T23:59:59Z, 31, 2028-01-31T23:59:59Z
			MONTH, 2027-03-15T00:00:00Z, 15, 2027-04-15T00:00:00Z
			YEAR,  2028-02-29T10:00:00Z, 29, 2029-02-28T10:00:00Z
			YEAR,  2029-02-28T10:00:00Z, 29, 2030-02-28T10:00:00Z
			YEAR,  2031-02-28T10:00:00Z, 29, 2032-02-29T10:00:00Z
			YEAR,  2027-01-31T10:00:00Z, 31, 2028-01-31T10:00:00Z
			""")
	void periodsEndOnTheAnchorDayOrTheMonthsLastDay(BillingInterval interval, Instant start, int anchorDay,
			Instant end) {
		assertThat(interval.periodEnd(start, anchorDay)).isEqualTo(end);
	}

	@ParameterizedTest(name = "{0} from {1} anchors on {2} and ends {3}")
	@CsvSource(textBlock = """
			MONTH, 2027-01-31T10:00:00Z, 31, 2027-02-28T10:00:00Z
			MONTH, 2028-01-31T23:30:00Z, 31, 2028-02-29T23:30:00Z
			YEAR,  2028-02-29T10:00:00Z, 29, 2029-02-28T10:00:00Z
			""")
	void aFirstPeriodAnchorsOnItsOwnStartInUtc(BillingInterval interval, Instant start, int anchorDay, Instant end) {
		assertThat(BillingInterval.anchorDay(start)).isEqualTo(anchorDay);
		assertThat(interval.periodEnd(start)).isEqualTo(end);
	}

	@ParameterizedTest
	@CsvSource({ "0", "32" })
	void anAnchorDayIsADayOfTheMonth(int anchorDay) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BillingInterval.MONTH.periodEnd(Instant.parse("2027-01-01T00:00:00Z"), anchorDay));
	}

}
