package org.backstory.billing.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offer rows, their redemptions and their daily view counters. */
@Repository
class OfferRepository {

	private static final String SELECT = """
			select o.id, o.code, o.title, o.description, p.code as plan_code, o.billing_interval, o.coupon_id,
			       o.trial_days, o.archived_at, o.created_at
			from billing.offer o join billing.plan p on p.id = o.plan_id
			""";

	private final JdbcClient jdbc;

	private final CouponRepository coupons;

	OfferRepository(JdbcClient jdbc, CouponRepository coupons) {
		this.jdbc = jdbc;
		this.coupons = coupons;
	}

	/** Newest first, with their views and redemptions. */
	List<OfferSummary> summaries() {
		return jdbc.sql(SELECT.replace("from billing.offer o", """
				, (select coalesce(sum(v.views), 0) from billing.offer_view v where v.offer_id = o.id) as views,
				  (select count(*) from billing.offer_redemption r
				   where r.offer_id = o.id and r.status = 'redeemed') as redemptions
				from billing.offer o""") + " order by o.created_at desc, o.id desc")
			.query((rs, row) -> new OfferSummary(map(rs), rs.getLong("views"), rs.getLong("redemptions")))
			.list();
	}

	Optional<Offer> findByCode(String code) {
		return jdbc.sql(SELECT + " where o.code = :code").param("code", code).query((rs, row) -> map(rs)).optional();
	}

	/** Whether the coupon holds an offer's terms (and so is redeemed only through it). */
	boolean isOfferCoupon(long couponId) {
		return jdbc.sql("select exists (select 1 from billing.offer where coupon_id = :coupon)")
			.param("coupon", couponId)
			.query(Boolean.class)
			.single();
	}

	/** Inserts the offer unless its code is taken; whether it was. */
	boolean insert(NewOffer offer, long planId, @Nullable Long couponId, Instant now) {
		return jdbc.sql("""
				insert into billing.offer (code, title, description, plan_id, billing_interval, coupon_id, trial_days,
				    created_at)
				values (:code, :title, :description, :plan, :interval, :coupon, :trialDays, :now)
				on conflict (code) do nothing
				""")
			.param("code", offer.code())
			.param("title", offer.title())
			.param("description", offer.description())
			.param("plan", planId)
			.param("interval", offer.interval().code())
			.param("coupon", couponId)
			.param("trialDays", offer.trialDays())
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** Changes what the landing page says; false when there is no such offer. */
	boolean retitle(String code, String title, String description) {
		return jdbc.sql("update billing.offer set title = :title, description = :description where code = :code")
			.param("code", code)
			.param("title", title)
			.param("description", description)
			.update() == 1;
	}

	/** False when there is no such offer or it was archived already. */
	boolean archive(String code, Instant now) {
		return jdbc.sql("update billing.offer set archived_at = :now where code = :code and archived_at is null")
			.param("code", code)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** Adds one to the offer's view counter for the day. */
	void countView(long offerId, LocalDate day) {
		jdbc.sql("""
				insert into billing.offer_view (offer_id, day, views) values (:offer, :day, 1)
				on conflict (offer_id, day) do update set views = billing.offer_view.views + 1
				""").param("offer", offerId).param("day", day).update();
	}

	/**
	 * Notes that the subscription's checkout uses the offer ({@code redeemed} at once for
	 * a trial, else {@code pending} until its first charge succeeds), or, with no offer,
	 * that it uses none.
	 */
	void markCheckout(long subscriptionId, @Nullable Long offerId, boolean redeemed, Instant now) {
		if (offerId == null) {
			jdbc.sql(
					"delete from billing.offer_redemption where subscription_id = :subscription and status = 'pending'")
				.param("subscription", subscriptionId)
				.update();
			return;
		}
		jdbc.sql("""
				insert into billing.offer_redemption (subscription_id, offer_id, status, redeemed_at)
				values (:subscription, :offer, :status, :now)
				on conflict (subscription_id) do update
				set offer_id = excluded.offer_id, status = excluded.status, redeemed_at = excluded.redeemed_at
				where billing.offer_redemption.status = 'pending'
				""")
			.param("subscription", subscriptionId)
			.param("offer", offerId)
			.param("status", redeemed ? "redeemed" : "pending")
			.param("now", Timestamps.of(now))
			.update();
	}

	/** Counts the pending redemption of a checkout whose first charge succeeded. */
	void confirm(long subscriptionId, Instant now) {
		jdbc.sql("""
				update billing.offer_redemption set status = 'redeemed', redeemed_at = :now
				where subscription_id = :subscription and status = 'pending'
				""").param("subscription", subscriptionId).param("now", Timestamps.of(now)).update();
	}

	/** Drops the pending redemption of a checkout whose first charge was declined. */
	void release(long subscriptionId) {
		jdbc.sql("delete from billing.offer_redemption where subscription_id = :subscription and status = 'pending'")
			.param("subscription", subscriptionId)
			.update();
	}

	private Offer map(ResultSet rs) throws SQLException {
		Long couponId = Columns.nullableLong(rs, "coupon_id");
		return new Offer(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("description"),
				rs.getString("plan_code"), BillingInterval.fromCode(rs.getString("billing_interval")).orElseThrow(),
				couponId == null ? null : coupons.findById(couponId).orElseThrow(),
				Columns.nullableInt(rs, "trial_days"), Timestamps.read(rs, "archived_at"),
				Timestamps.require(rs, "created_at"));
	}

}
