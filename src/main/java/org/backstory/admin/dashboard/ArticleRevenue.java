package org.backstory.admin.dashboard;

/**
 * An article in the revenue-per-article table.
 *
 * @param article the article, its count the subscriptions attributed to it
 * @param mrr what those subscriptions bring in a month now, e.g. {@code $10.00}
 */
public record ArticleRevenue(TopArticle article, String mrr) {

	/** How the table is computed, for its tooltip. */
	public static final String DEFINITION = "For each article, the subscriptions attributed to it (begun in the "
			+ "range from that article) × their monthly value now (their MRR contribution); the top "
			+ DashboardFigures.TOP_ARTICLES + " articles.";

}
