package org.backstory.admin.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spans the dashboard shows: the last 90 days day by day, or the last 12 months week
 * by week.
 */
enum DashboardRange {

	LAST_90_DAYS("90d", "Last 90 days", "Day", "per day"),

	LAST_12_MONTHS("12m", "Last 12 months", "Week starting", "per week");

	private final String code;

	private final String label;

	private final String axis;

	private final String per;

	DashboardRange(String code, String label, String axis, String per) {
		this.code = code;
		this.label = label;
		this.axis = axis;
		this.per = per;
	}

	static Optional<DashboardRange> fromCode(String code) {
		for (DashboardRange range : values()) {
			if (range.code.equals(code)) {
				return Optional.of(range);
			}
		}
		return Optional.empty();
	}

	String code() {
		return code;
	}

	String label() {
		return label;
	}

	/** The horizontal axis's title. */
	String axis() {
		return axis;
	}

	/** e.g. {@code per week}. */
	String per() {
		return per;
	}

	/** The first day of each bucket up to the one holding {@code today}, oldest first. */
	List<LocalDate> buckets(LocalDate today) {
		List<LocalDate> starts = new ArrayList<>();
		if (this == LAST_90_DAYS) {
			for (LocalDate day = today.minusDays(89); !day.isAfter(today); day = day.plusDays(1)) {
				starts.add(day);
			}
		}
		else {
			for (LocalDate week = bucketOf(today.minusDays(364)); !week.isAfter(today); week = week.plusWeeks(1)) {
				starts.add(week);
			}
		}
		return starts;
	}

	/** The first day of the bucket a day falls in. */
	LocalDate bucketOf(LocalDate day) {
		return this == LAST_90_DAYS ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

}
