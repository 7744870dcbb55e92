package org.backstory.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Billing's side of the staff engagement pages: the subscriptions an article brought, and
 * the gift subscriptions a member bought and the group seat they hold. A read model whose
 * whole job is SQL for its readers, as {@link MemberBillingQueries} is. "Became paid" is
 * a first payment or a trial's first charge, as
 * {@link BusinessRates#membersWhoBecamePaid} counts it.
 */
@Service
public class BillingActivity {

	private final JdbcClient jdbc;

	BillingActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The subscriptions attributed to the article, ever. */
	public ArticleSubscriptions ofArticle(long articleId) {
		ArticleSubscriptions counts = jdbc
			.sql("""
					select count(*),
					       count(*) filter (where exists (
					           select 1 from billing.subscription_event e where e.subscription_id = s.id
					             and e.kind = 'paid' and e.to_status = 'active' and e.from_status in ('incomplete', 'trialing'))),
					       count(*) filter (where s.status in ('trialing', 'active', 'past_due', 'canceled') and not s.comped)
					from billing.subscription s where s.article_id = :article""")
			.param("article", articleId)
			.query((rs, row) -> new ArticleSubscriptions(rs.getLong(1), rs.getLong(2), rs.getLong(3), List.of()))
			.single();
		List<String> currencies = jdbc.sql(
				"select distinct currency from billing.subscription where article_id = :article and currency is not null order by currency")
			.param("article", articleId)
			.query(String.class)
			.list();
		return new ArticleSubscriptions(counts.attributed(), counts.becamePaid(), counts.running(), currencies);
	}

	/**
	 * The gift subscriptions the member paid for, newest first, at most {@code limit}.
	 */
	public List<GiftBought> giftsBoughtBy(long memberId, int limit) {
		return jdbc.sql("""
				select g.purchased_at, p.name, g.months, g.amount, g.currency, g.redeemed_at
				from billing.gift g join billing.plan p on p.id = g.plan_id
				where g.buyer_member_id = :member and g.status in ('purchased', 'redeemed')
				order by g.purchased_at desc, g.id desc limit :limit""")
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, row) -> new GiftBought(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
					rs.getLong(4), rs.getString(5), instant(rs.getTimestamp(6))))
			.list();
	}

	/** The seat the member holds in a group subscription, if any. */
	public List<SeatHeld> seatsOf(long memberId) {
		return jdbc.sql("""
				select gs.joined_at, gs.joined_by, p.name
				from billing.group_seat gs join billing.subscription s on s.id = gs.subscription_id
				left join billing.plan p on p.id = s.plan_id
				where gs.member_id = :member""")
			.param("member", memberId)
			.query((rs, row) -> new SeatHeld(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getString(3) == null ? "a group" : rs.getString(3)))
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * The subscriptions attributed to an article.
	 *
	 * @param attributed subscriptions begun from it (trials and checkouts never paid
	 * included)
	 * @param becamePaid those of them that were paid for at least once
	 * @param running those still running and not comped (active, trialing, past due, or
	 * canceled but not over)
	 * @param currencies the currencies they were priced in
	 */
	public record ArticleSubscriptions(long attributed, long becamePaid, long running, List<String> currencies) {
	}

	/**
	 * A gift subscription bought.
	 *
	 * @param plan the plan's name
	 * @param amount what was paid, in minor units
	 * @param redeemedAt when the recipient took it, or null
	 */
	public record GiftBought(Instant at, String plan, int months, long amount, String currency,
			@Nullable Instant redeemedAt) {
	}

	/**
	 * A seat held in a group subscription.
	 *
	 * @param joinedBy {@code invite}, {@code link} or {@code domain}
	 * @param plan the group plan's name
	 */
	public record SeatHeld(Instant joinedAt, String joinedBy, String plan) {
	}

}
