package org.backstory.billing.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coupon rows and their redemptions. Codes are matched regardless of case. */
@Repository
public class CouponRepository {

	private static final String SELECT = """
			select c.id, c.code, c.name, c.percent_off, c.amount_off, c.currency, c.duration, c.duration_months,
			       c.redeem_by, c.max_redemptions, c.times_redeemed, p.code as plan_code, c.active
			from billing.coupon c left join billing.plan p on p.id = c.plan_id
			""";

	private final JdbcClient jdbc;

	CouponRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first. */
	List<Coupon> all() {
		return jdbc.sql(SELECT + " order by c.created_at desc, c.id desc").query((rs, row) -> map(rs)).list();
	}

	Optional<Coupon> findByCode(String code) {
		return jdbc.sql(SELECT + " where lower(c.code) = lower(:code)")
			.param("code", code)
			.query((rs, row) -> map(rs))
			.optional();
	}

	Optional<Coupon> findById(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	/**
	 * Inserts the coupon unless its code is taken (in any case); the stored coupon, or
	 * empty.
	 */
	Optional<Coupon> insert(NewCoupon coupon, @Nullable Long planId, Instant now) {
		int inserted = jdbc.sql("""
				insert into billing.coupon (code, name, percent_off, amount_off, currency, duration, duration_months,
				    redeem_by, max_redemptions, plan_id, created_at)
				values (:code, :name, :percent, :amount, :currency, :duration, :months, :redeemBy, :max, :plan, :now)
				on conflict ((lower(code))) do nothing
				""")
			.param("code", coupon.code())
			.param("name", coupon.name())
			.param("percent", coupon.percentOff())
			.param("amount", coupon.amountOff())
			.param("currency", coupon.currency())
			.param("duration", coupon.duration().code())
			.param("months", coupon.durationMonths())
			.param("redeemBy", Timestamps.of(coupon.redeemBy()))
			.param("max", coupon.maxRedemptions())
			.param("plan", planId)
			.param("now", Timestamps.of(now))
			.update();
		return inserted == 0 ? Optional.empty() : findByCode(coupon.code());
	}

	/** False when there is no such coupon. */
	boolean deactivate(long id) {
		return jdbc.sql("update billing.coupon set active = false where id = :id").param("id", id).update() == 1;
	}

	boolean redeemedBy(long couponId, long memberId) {
		return jdbc
			.sql("""
					select exists (select 1 from billing.coupon_redemption where coupon_id = :coupon and member_id = :member)
					""")
			.param("coupon", couponId)
			.param("member", memberId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts one redemption of the coupon by the member for the subscription, in one
	 * statement, if the coupon is still active, unexpired and not used up at this moment,
	 * and the member has not redeemed it before. Two members racing for the last
	 * redemption both reach the row; PostgreSQL makes the second re-check the limit
	 * against the first's committed count, so only one of them gets it.
	 * @return whether it was counted
	 */
	boolean redeem(long couponId, long memberId, long subscriptionId, Instant now) {
		return jdbc.sql("""
				with counted as (
				    update billing.coupon set times_redeemed = times_redeemed + 1
				    where id = :coupon and active and (redeem_by is null or redeem_by > :now)
				      and (max_redemptions is null or times_redeemed < max_redemptions)
				      and not exists (select 1 from billing.coupon_redemption
				                      where coupon_id = :coupon and member_id = :member)
				    returning id)
				insert into billing.coupon_redemption (coupon_id, member_id, subscription_id, redeemed_at)
				select id, :member, :subscription, :now from counted
				""")
			.param("coupon", couponId)
			.param("member", memberId)
			.param("subscription", subscriptionId)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * Takes back the redemption made for the subscription, if any, and gives the coupon
	 * its count back.
	 */
	void release(long subscriptionId) {
		jdbc.sql("""
				with released as (
				    delete from billing.coupon_redemption where subscription_id = :subscription returning coupon_id)
				update billing.coupon c set times_redeemed = c.times_redeemed - 1
				from released r where c.id = r.coupon_id
				""").param("subscription", subscriptionId).update();
	}

	/** Forgets which coupons the member redeemed; the coupons' counts stay. */
	public void forgetMember(long memberId) {
		jdbc.sql("delete from billing.coupon_redemption where member_id = :member").param("member", memberId).update();
	}

	private static Coupon map(ResultSet rs) throws SQLException {
		Integer percentOff = Columns.nullableInt(rs, "percent_off");
		Long amountOff = Columns.nullableLong(rs, "amount_off");
		Integer durationMonths = Columns.nullableInt(rs, "duration_months");
		Integer maxRedemptions = Columns.nullableInt(rs, "max_redemptions");
		return new Coupon(rs.getLong("id"), rs.getString("code"), rs.getString("name"), percentOff, amountOff,
				rs.getString("currency"), CouponDuration.fromCode(rs.getString("duration")).orElseThrow(),
				durationMonths, Timestamps.read(rs, "redeem_by"), maxRedemptions, rs.getInt("times_redeemed"),
				rs.getString("plan_code"), rs.getBoolean("active"));
	}

}
