package org.backstory.admin.dashboard;

import java.util.List;

/**
 * What the dashboard template shows.
 *
 * @param rangeCode the range shown, {@code 90d} or {@code 12m}
 * @param rangeLabel e.g. {@code Last 90 days}
 * @param panels the charts with their tables
 * @param rates churn, conversion and growth over the range
 * @param trials trial conversion over the range
 * @param bySignups the articles most sign-ups came from
 * @param bySubscriptions the articles most subscriptions came from
 * @param byRevenue the articles whose subscriptions bring in most
 */
public record DashboardPage(String rangeCode, String rangeLabel, List<ChartPanel> panels, List<Rate> rates,
		TrialSummary trials, List<TopArticle> bySignups, List<TopArticle> bySubscriptions,
		List<ArticleRevenue> byRevenue) {
}
