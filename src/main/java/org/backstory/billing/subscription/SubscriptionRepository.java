package org.backstory.billing.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.Discount;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Subscription rows. A member has at most one live (not expired) subscription; the
 * database enforces it. Every change goes through here and makes {@link EntitlementCache}
 * forget what it knew.
 */
@Repository
public class SubscriptionRepository {

	private static final String SELECT = """
			select s.id, s.member_id, s.plan_id, p.code as plan_code, p.name as plan_name, s.tier, s.billing_interval,
			       s.price_amount, s.currency, s.status, s.comped, s.current_period_start, s.current_period_end,
			       s.past_due_since, s.trial_end, s.gift_id, s.percent_off, s.amount_off, s.discount_ends_at, s.seats,
			       s.payment_method = 'invoice' as invoiced
			from billing.subscription s left join billing.plan p on p.id = s.plan_id
			""";

	/**
	 * The statuses the one-live-subscription-per-member index covers; keep in step with
	 * it.
	 */
	private static final String LIVE = "('incomplete', 'trialing', 'active', 'past_due', 'canceled')";

	private final JdbcClient jdbc;

	private final EntitlementCache entitlements;

	SubscriptionRepository(JdbcClient jdbc, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.entitlements = entitlements;
	}

	/**
	 * The subscription that speaks for the member: the live one, else the one that ended
	 * last. An unfinished checkout does not count.
	 */
	/**
	 * Whether the member has a subscription that has not ended (a trial, paid or past
	 * due, comped or canceled but running).
	 */
	public boolean isSubscribed(long memberId) {
		return current(memberId).filter(s -> s.status() != SubscriptionStatus.EXPIRED).isPresent();
	}

	public Optional<Subscription> current(long memberId) {
		return jdbc.sql(SELECT + """
				where s.member_id = :member and s.status not in ('incomplete', 'incomplete_expired')
				order by s.status = 'expired', s.created_at desc, s.id desc
				limit 1
				""").param("member", memberId).query((rs, row) -> map(rs)).optional();
	}

	/**
	 * Each member's current subscription as {@link #current} picks it, for members who
	 * have one.
	 */
	List<Subscription> currentOfAll(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				where s.id in (
				  select distinct on (member_id) id from billing.subscription
				  where member_id in (:members) and status not in ('incomplete', 'incomplete_expired')
				  order by member_id, status = 'expired', created_at desc, id desc)
				""").param("members", memberIds).query((rs, row) -> map(rs)).list();
	}

	/**
	 * The member's live subscription (an unfinished checkout included), locked until the
	 * transaction ends.
	 */
	public Optional<Subscription> lockLive(long memberId) {
		return jdbc.sql(SELECT + " where s.member_id = :member and s.status in " + LIVE + " for update of s")
			.param("member", memberId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * The subscriptions with these ids, for the seats their groups' readers hold (see
	 * {@link GroupSeats}).
	 */
	public List<Subscription> withIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where s.id in (:ids)").param("ids", ids).query((rs, row) -> map(rs)).list();
	}

	public Subscription lock(long id) {
		return jdbc.sql(SELECT + " where s.id = :id for update of s")
			.param("id", id)
			.query((rs, row) -> map(rs))
			.single();
	}

	/**
	 * Inserts the subscription unless the member already has a live one; its new id, or
	 * empty.
	 */
	public Optional<Long> insertUnlessLive(NewSubscription subscription, Instant now) {
		entitlements.invalidate();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				insert into billing.subscription (member_id, plan_id, tier, billing_interval, price_amount, currency,
				    status, comped, current_period_start, current_period_end, past_due_since, due_at, created_at,
				    updated_at, seats)
				values (:member, :plan, :tier, :interval, :price, :currency, :status, :comped, :start, :end,
				    :pastDueSince, :due, :now, :now, :seats)
				on conflict (member_id) where status in """ + LIVE + """
				do nothing
				""")
			.param("member", subscription.memberId())
			.param("plan", subscription.planId())
			.param("tier", subscription.tier())
			.param("interval", subscription.interval() == null ? null : subscription.interval().code())
			.param("price", subscription.price())
			.param("currency", subscription.currency())
			.param("status", subscription.status().code())
			.param("comped", subscription.comped())
			.param("start", Timestamps.of(subscription.periodStart()))
			.param("end", Timestamps.of(subscription.periodEnd()))
			.param("pastDueSince", Timestamps.of(subscription.pastDueSince()))
			.param("due", Timestamps.of(subscription.dueAt()))
			.param("now", Timestamps.of(now))
			.param("seats", subscription.seats())
			.update(key, "id");
		return inserted == 0 ? Optional.empty() : Optional.of(key.getKeyAs(Long.class));
	}

	/** Records the article the member was on when they chose to subscribe. */
	public void attribute(long id, long articleId) {
		jdbc.sql("update billing.subscription set article_id = :article where id = :id")
			.param("id", id)
			.param("article", articleId)
			.update();
	}

	/**
	 * Starts the first paid period of an unfinished checkout; false if it was not
	 * unfinished.
	 */
	public boolean activate(long id, Instant start, Instant end, Instant now) {
		entitlements.invalidate();
		return jdbc.sql("""
				update billing.subscription
				set status = 'active', current_period_start = :start, current_period_end = :end, due_at = :end,
				    anchor_day = extract(day from cast(:start as timestamptz) at time zone 'UTC'), updated_at = :now
				where id = :id and status = 'incomplete'
				""")
			.param("id", id)
			.param("start", Timestamps.of(start))
			.param("end", Timestamps.of(end))
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * Ends the member's unfinished checkout unless a payment for it is still pending; the
	 * id of the subscription it ended, if any.
	 */
	public Optional<Long> expireAbandonedCheckout(long memberId, Instant now) {
		entitlements.invalidate();
		return jdbc
			.sql("""
					update billing.subscription s set status = 'incomplete_expired', updated_at = :now
					where s.member_id = :member and s.status = 'incomplete'
					  and not exists (select 1 from billing.payment p where p.subscription_id = s.id and p.status = 'pending')
					returning s.id
					""")
			.param("member", memberId)
			.param("now", Timestamps.of(now))
			.query(Long.class)
			.optional();
	}

	/** Whether the member ever had a free trial (one per member). */
	public boolean hadTrial(long memberId) {
		return jdbc.sql(
				"select exists (select 1 from billing.subscription where member_id = :member and trial_end is not null)")
			.param("member", memberId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Starts the free trial of an unfinished checkout: nothing is charged until it ends;
	 * false if it was not unfinished.
	 */
	public boolean startTrial(long id, Instant trialEnd, Instant now) {
		entitlements.invalidate();
		return jdbc.sql("""
				update billing.subscription
				set status = 'trialing', current_period_start = :now, current_period_end = :end, trial_end = :end,
				    due_at = :end, anchor_day = extract(day from cast(:end as timestamptz) at time zone 'UTC'),
				    updated_at = :now
				where id = :id and status = 'incomplete'
				""")
			.param("id", id)
			.param("end", Timestamps.of(trialEnd))
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * Marks a new subscription as the redemption of a gift: it ends at its period end
	 * instead of renewing.
	 */
	public void markGift(long id, long giftId, Instant now) {
		entitlements.invalidate();
		jdbc.sql("update billing.subscription set gift_id = :gift, renews = false, updated_at = :now where id = :id")
			.param("id", id)
			.param("gift", giftId)
			.param("now", Timestamps.of(now))
			.update();
	}

	/**
	 * A group's new seat count and the price of each period from the next renewal on (the
	 * seats added mid-period are charged pro rata apart).
	 */
	public void changeSeats(long id, int seats, long price, Instant now) {
		jdbc.sql("""
				update billing.subscription set seats = :seats, price_amount = :price, updated_at = :now
				where id = :id and seats is not null
				""")
			.param("id", id)
			.param("seats", seats)
			.param("price", price)
			.param("now", Timestamps.of(now))
			.update();
	}

	public void changeComp(long id, String tier, @Nullable Instant until, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription set tier = :tier, current_period_end = :until, due_at = :until,
				    updated_at = :now
				where id = :id and comped
				""")
			.param("id", id)
			.param("tier", tier)
			.param("until", Timestamps.of(until))
			.param("now", Timestamps.of(now))
			.update();
	}

	/** Cancels at the period end: the renewal run ends it then instead of charging. */
	void markCanceled(long id, Instant now) {
		entitlements.invalidate();
		jdbc.sql(
				"update billing.subscription set status = 'canceled', canceled_at = :now, updated_at = :now where id = :id")
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update();
	}

	void markResumed(long id, SubscriptionStatus status, Instant now) {
		entitlements.invalidate();
		jdbc.sql(
				"update billing.subscription set status = :status, canceled_at = null, updated_at = :now where id = :id")
			.param("id", id)
			.param("status", status.code())
			.param("now", Timestamps.of(now))
			.update();
	}

	public void deleteAllOf(long memberId) {
		entitlements.invalidate();
		jdbc.sql("delete from billing.subscription where member_id = :member").param("member", memberId).update();
	}

	private static Subscription map(ResultSet rs) throws SQLException {
		String interval = rs.getString("billing_interval");
		Long plan = Columns.nullableLong(rs, "plan_id");
		Long price = Columns.nullableLong(rs, "price_amount");
		return new Subscription(rs.getLong("id"), rs.getLong("member_id"), plan, rs.getString("plan_code"),
				rs.getString("plan_name"), rs.getString("tier"),
				interval == null ? null : BillingInterval.fromCode(interval).orElseThrow(), price,
				rs.getString("currency"), SubscriptionStatus.fromCode(rs.getString("status")), rs.getBoolean("comped"),
				Timestamps.require(rs, "current_period_start"), Timestamps.read(rs, "current_period_end"),
				Timestamps.read(rs, "past_due_since"), Timestamps.read(rs, "trial_end"), giftId(rs), Discount.read(rs),
				Columns.nullableInt(rs, "seats"), rs.getBoolean("invoiced"));
	}

	private static @Nullable Long giftId(ResultSet rs) throws SQLException {
		long giftId = rs.getLong("gift_id");
		return rs.wasNull() ? null : giftId;
	}

	/**
	 * Marks a comp as standing in for a subscription paid on the platform {@code from}.
	 */
	public boolean flagCardNeeded(long subscriptionId, String from) {
		return jdbc.sql("update billing.subscription set card_needed_from = ? where id = ? and comped")
			.params(from, subscriptionId)
			.update() == 1;
	}

	/** Ends a subscription: nothing is due any more. */
	public void end(long id, @Nullable Instant canceledAt, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set status = 'expired', due_at = null, past_due_since = null,
				    canceled_at = coalesce(:canceled, canceled_at), updated_at = :now
				where id = :id
				""")
			.param("id", id)
			.param("canceled", Timestamps.of(canceledAt))
			.param("now", Timestamps.of(now))
			.update();
	}

}
