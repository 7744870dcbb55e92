package org.backstory.admin.engagement;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An article's engagement page.
 *
 * @param href the article's page, or null while it is a draft
 * @param status {@code published}, {@code scheduled} or {@code draft}
 * @param signups members who signed up from it; {@code verified} of them proved their
 * address
 * @param subscriptions subscriptions begun from it; {@code becamePaid} of them were paid
 * for at least once, {@code running} still run
 * @param revenue what the subscriptions begun from it bring in a month now, one line per
 * currency they were priced in, e.g. {@code $10.00}
 * @param giftLinks gift links made for it, by {@code givers} members, opened on
 * {@code giftBrowsers} browsers
 * @param meteredReads free members' reads of it through the monthly meter, by
 * {@code meteredMembers} members
 * @param sends the newsletter sends of it, newest first
 */
public record ArticleEngagementView(long id, String title, @Nullable String href, String status, long signups,
		long verified, long subscriptions, long becamePaid, long running, List<String> revenue, long giftLinks,
		long givers, long giftBrowsers, long meteredReads, long meteredMembers, List<SendRow> sends) {

	/**
	 * How the revenue is computed, for its tooltip: the dashboard's revenue per article.
	 */
	public static final String REVENUE_DEFINITION = "The subscriptions begun from this article (ever) × their "
			+ "monthly value now (their MRR contribution: ended subscriptions and running trials bring nothing), "
			+ "as the dashboard's revenue per article counts them.";

	public ArticleEngagementView {
		revenue = List.copyOf(revenue);
		sends = List.copyOf(sends);
	}

	/**
	 * A newsletter send of the article.
	 *
	 * @param href the send's own staff page
	 * @param delivered messages the mail provider accepted
	 * @param opened recipients who opened it, with their share of the delivered messages,
	 * or "not tracked" for a send made while tracking was off
	 */
	public record SendRow(String href, String newsletter, String when, String status, int delivered, String bounced,
			String complained, String unsubscribed, String opened, String clicked) {
	}

}
