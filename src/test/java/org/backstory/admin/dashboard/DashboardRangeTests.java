package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DashboardRangeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@Test
	void ninetyDaysAreNinetyDailyBucketsEndingToday() {
		List<LocalDate> buckets = DashboardRange.LAST_90_DAYS.buckets(TODAY);

		assertThat(buckets).hasSize(90).startsWith(TODAY.minusDays(89)).endsWith(TODAY);
		assertThat(DashboardRange.LAST_90_DAYS.bucketOf(TODAY)).isEqualTo(TODAY);
	}

	@Test
	void twelveMonthsAreWeeksStartingOnMondayUpToThisWeek() {
		List<LocalDate> buckets = DashboardRange.LAST_12_MONTHS.buckets(TODAY);

		assertThat(buckets).allMatch(day -> day.getDayOfWeek() == DayOfWeek.MONDAY);
		assertThat(buckets.get(0)).isBeforeOrEqualTo(TODAY.minusDays(364));
		assertThat(buckets.get(buckets.size() - 1)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(DashboardRange.LAST_12_MONTHS.bucketOf(TODAY)).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void rangesAreChosenByCode() {
		assertThat(DashboardRange.fromCode("12m")).contains(DashboardRange.LAST_12_MONTHS);
		assertThat(DashboardRange.fromCode("90d")).contains(DashboardRange.LAST_90_DAYS);
		assertThat(DashboardRange.fromCode("all")).isEmpty();
	}

}
