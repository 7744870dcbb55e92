package org.backstory.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

	private static final Instant MORNING = Instant.parse("2024-03-01T09:05:07.250Z");

	private static final Instant LATE_EVENING_UTC = Instant.parse("2024-02-29T23:59:59.999Z");

	@Test
	void readerFormsSpellTheMonthInEnglish() {
		assertThat(Dates.readerDate(MORNING)).isEqualTo("1 March 2024");
		assertThat(Dates.readerDate(LocalDate.of(2017, 9, 22))).isEqualTo("22 September 2017");
		assertThat(Dates.readerMonth(LocalDate.of(2025, 3, 1))).isEqualTo("March 2025");
		assertThat(Dates.readerMinute(MORNING)).isEqualTo("1 March 2024, 09:05 UTC");
	}

	@Test
	void staffFormsShortenTheMonth() {
		assertThat(Dates.staffDay(LocalDate.of(2024, 3, 1))).isEqualTo("1 Mar");
		assertThat(Dates.staffDate(MORNING)).isEqualTo("1 Mar 2024");
		assertThat(Dates.staffDate(LocalDate.of(2024, 12, 31))).isEqualTo("31 Dec 2024");
		assertThat(Dates.staffTime(MORNING)).isEqualTo("1 Mar 2024 09:05 UTC");
		assertThat(Dates.staffSecond(MORNING)).isEqualTo("1 Mar 2024 09:05:07 UTC");
		assertThat(Dates.clockTime(MORNING)).isEqualTo("09:05");
		assertThat(Dates.sortableMinute(MORNING)).isEqualTo("2024-03-01 09:05 UTC");
		assertThat(Dates.sortableSecond(MORNING)).isEqualTo("2024-03-01 09:05:07 UTC");
	}

	@Test
	void isoFormsKeepTheMilliseconds() {
		assertThat(Dates.iso(MORNING)).isEqualTo("2024-03-01T09:05:07.250Z");
		assertThat(Dates.iso(Instant.parse("2024-03-01T09:05:00Z"))).isEqualTo("2024-03-01T09:05:00.000Z");
		assertThat(Dates.isoWithOffset(MORNING)).isEqualTo("2024-03-01T09:05:07.250+00:00");
	}

	@Test
	void everyFormIsTheUtcDayAndTime() {
		assertThat(Dates.readerDate(LATE_EVENING_UTC)).isEqualTo("29 February 2024");
		assertThat(Dates.staffTime(LATE_EVENING_UTC)).isEqualTo("29 Feb 2024 23:59 UTC");
		assertThat(Dates.iso(LATE_EVENING_UTC)).isEqualTo("2024-02-29T23:59:59.999Z");
	}

}
