package org.backstory.admin.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.backstory.billing.BusinessRates;
import org.backstory.billing.Money;
import org.backstory.members.MemberGrowth;
import org.springframework.stereotype.Service;

/**
 * The dashboard's rates over its range: monthly churn, free-to-paid conversion, trial
 * conversion and MRR growth, each with the counts behind it and its definition. A rate
 * whose denominator is zero shows {@link Rate#NONE}.
 */
@Service
class DashboardRates {

	static final String CHURN = "Paid subscriptions that ended in the month ÷ paid subscriptions live at the start "
			+ "of the month. Over a range, the full calendar months (UTC) in it are added up: all that ended ÷ all "
			+ "that were live at the months' starts.";

	static final String FREE_TO_PAID = "Members who signed up in the range and started a paid subscription (or a "
			+ "trial that converted) within it ÷ members who signed up in the range.";

	static final String TRIALS = "Trials that ended in the range and became paid ÷ trials that ended in the range.";

	static final String MRR_GROWTH = "(MRR at end − MRR at start) ÷ MRR at start over the chosen range.";

	private final BusinessRates business;

	private final MemberGrowth growth;

	DashboardRates(BusinessRates business, MemberGrowth growth) {
		this.business = business;
		this.growth = growth;
	}

	List<Rate> rates(DashboardFigures.Figures figures) {
		return List.of(churn(figures), freeToPaid(figures), trials(figures.buckets()), mrrGrowth(figures));
	}

	private Rate churn(DashboardFigures.Figures figures) {
		LocalDate from = LocalDate.ofInstant(figures.from(), ZoneOffset.UTC);
		LocalDate first = from.getDayOfMonth() == 1 ? from : from.with(TemporalAdjusters.firstDayOfNextMonth());
		LocalDate last = LocalDate.ofInstant(figures.to(), ZoneOffset.UTC)
			.with(TemporalAdjusters.firstDayOfMonth())
			.minusMonths(1);
		List<BusinessRates.MonthChurn> months = first.isAfter(last) ? List.of() : business.churn(first, last);
		long live = months.stream().mapToLong(BusinessRates.MonthChurn::liveAtStart).sum();
		long ended = months.stream().mapToLong(BusinessRates.MonthChurn::ended).sum();
		return new Rate(
				"churn", "Monthly churn", Rate.percent(ended, live), ended + " ended of " + live
						+ " live at the start of " + months.size() + " full month" + (months.size() == 1 ? "" : "s"),
				CHURN);
	}

	private Rate freeToPaid(DashboardFigures.Figures figures) {
		MemberGrowth.SignupsAmong signups = growth.signupsAmong(figures.from(), figures.to(),
				business.membersWhoBecamePaid(figures.from(), figures.to()));
		return new Rate("free-to-paid", "Free → paid conversion", Rate.percent(signups.among(), signups.signups()),
				signups.among() + " of " + signups.signups() + " new members became paid", FREE_TO_PAID);
	}

	private static Rate trials(List<Bucket> buckets) {
		long converted = buckets.stream().mapToLong(Bucket::trialsConverted).sum();
		long ended = converted + buckets.stream().mapToLong(Bucket::trialsLapsed).sum();
		return new Rate("trials", "Trial conversion", Rate.percent(converted, ended),
				converted + " of " + ended + " trials that ended became paid", TRIALS);
	}

	private static Rate mrrGrowth(DashboardFigures.Figures figures) {
		long end = figures.buckets().get(figures.buckets().size() - 1).mrr();
		String currency = figures.currency();
		return new Rate("mrr-growth", "MRR growth", Rate.growth(figures.mrrAtStart(), end),
				Money.format(figures.mrrAtStart(), currency) + " → " + Money.format(end, currency) + " a month",
				MRR_GROWTH);
	}

}
