package org.backstory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The test database holds the demo, so its dashboard shows the seeded year: every chart
 * has figures in every quarter of the twelve months, long before any test wrote anything
 * (tests add members and subscriptions now, never a year ago).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoHistoryIntegrationTests {

	private static final String PERCENT = "[+-]?[0-9]+\\.[0-9]%";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private Document dashboard;

	@BeforeEach
	void openTheYear() {
		Visitor administrator = new Visitor(port);
		administrator.signIn(MemberFixtures.account(directory, "history", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
		dashboard = administrator.get("/admin/dashboard?range=12m").document();
	}

	@Test
	void membersGrowThroughTheYearAndSomeArePaidFromTheFirstQuarter() {
		List<List<Long>> weeks = weeks("members");

		assertThat(weeks.get(0).get(0)).isPositive();
		assertThat(weeks.get(weeks.size() - 1).get(0)).isGreaterThan(weeks.get(0).get(0) * 3);
		assertThat(quarter(weeks, 0, 2)).as("paid members by the end of the first quarter").isPositive();
	}

	@Test
	void revenueIsChartedFromTheFirstQuarterAndGrows() {
		List<List<Long>> weeks = weeks("mrr");

		assertThat(weeks.get(12).get(0)).isPositive();
		assertThat(weeks.get(weeks.size() - 2).get(0)).isGreaterThan(weeks.get(12).get(0));
	}

	@Test
	void everyQuarterHasNewPaidSubscriptionsAndTheYearHasCancellations() {
		List<List<Long>> weeks = weeks("subscriptions");

		for (int quarter = 0; quarter < 4; quarter++) {
			assertThat(sum(weeks, quarter, 0)).as("new paid in quarter " + (quarter + 1)).isPositive();
		}
		assertThat(sum(weeks, 1, 1) + sum(weeks, 2, 1) + sum(weeks, 3, 1)).as("cancellations").isPositive();
	}

	@Test
	void trialsStartConvertAndLapse() {
		List<List<Long>> weeks = weeks("trials");

		assertThat(sum(weeks, 0, 0) + sum(weeks, 1, 0)).as("trials started in the first half").isPositive();
		assertThat(sum(weeks, 2, 0) + sum(weeks, 3, 0)).as("trials started in the second half").isPositive();
		assertThat(sum(weeks, 0, 1) + sum(weeks, 1, 1) + sum(weeks, 2, 1)).as("converted").isPositive();
		assertThat(sum(weeks, 0, 2) + sum(weeks, 1, 2) + sum(weeks, 2, 2)).as("lapsed").isPositive();
	}

	@Test
	void articlesBroughtSignUpsAndSubscriptions() {
		assertThat(dashboard.select("#top-signups tbody tr")).isNotEmpty();
		assertThat(dashboard.select("#top-subscriptions tbody tr")).isNotEmpty();
	}

	@Test
	void everyRateHasAFigureOverTheLastNinetyDays() {
		Visitor administrator = new Visitor(port);
		administrator.signIn(MemberFixtures.account(directory, "rates", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
		Document page = administrator.get("/admin/dashboard").document();

		assertThat(page.select(".dashboard-rates .rate")).hasSize(4);
		for (Element rate : page.select(".dashboard-rates .rate")) {
			assertThat(rate.selectFirst(".rate-value").text()).as(rate.id()).matches(PERCENT);
		}
		assertThat(page.select("#revenue-per-article tbody tr")).isNotEmpty();
	}

	/**
	 * Over the year every rate has a figure but MRR growth: the demo's year begins
	 * without revenue, and growth from nothing is no percentage.
	 */
	@Test
	void overTheYearEveryRateButGrowthFromNothingHasAFigure() {
		for (String rate : List.of("churn", "free-to-paid", "trials")) {
			assertThat(dashboard.select("#rate-" + rate + " .rate-value").text()).as(rate).matches(PERCENT);
		}
		assertThat(dashboard.select("#rate-mrr-growth .rate-value").text()).isEqualTo("—");
		assertThat(dashboard.select("#rate-mrr-growth .rate-detail").text()).startsWith("$0.00 → $");
		assertThat(dashboard.select("#revenue-per-article tbody tr")).isNotEmpty();
	}

	/** The chart's table, a row per week, oldest first, the row heading left out. */
	private List<List<Long>> weeks(String panel) {
		List<List<Long>> weeks = new ArrayList<>();
		for (Element row : dashboard.select("#panel-" + panel + " tbody tr")) {
			weeks.add(row.select("td")
				.eachText()
				.stream()
				.map(text -> Long.parseLong(text.replaceAll("[^0-9-]", "")))
				.toList());
		}
		assertThat(weeks).as(panel).hasSizeGreaterThanOrEqualTo(52);
		return weeks;
	}

	/** A column summed over one quarter (thirteen weeks) of the year. */
	private static long sum(List<List<Long>> weeks, int quarter, int column) {
		return weeks.subList(quarter * 13, quarter * 13 + 13).stream().mapToLong(week -> week.get(column)).sum();
	}

	/** The column's value at the end of the quarter. */
	private static long quarter(List<List<Long>> weeks, int quarter, int column) {
		return weeks.get(quarter * 13 + 12).get(column);
	}

}
