package org.backstory.billing.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.Discount;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions' money terms: plan, price, period, credit and discount, as charges and
 * quotes need them, and the checkout's writes of them (the plan chosen, a coupon's
 * discount).
 */
@Repository
public class SubscriptionTermsRepository {

	private static final String TERMS = """
			select s.id, s.member_id, s.plan_id, s.status, s.comped, s.renews, s.billing_interval, s.price_amount,
			       s.currency, s.current_period_start, s.current_period_end, s.credit_balance, s.percent_off,
			       s.amount_off, s.discount_ends_at, s.seats
			from billing.subscription s
			""";

	private static final String LIVE = "s.status in ('trialing', 'active', 'past_due', 'canceled')";

	private final JdbcClient jdbc;

	private final EntitlementCache entitlements;

	SubscriptionTermsRepository(JdbcClient jdbc, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.entitlements = entitlements;
	}

	/** The terms of the member's running (not unfinished, not ended) subscription. */
	public Optional<SubscriptionTerms> liveTerms(long memberId) {
		return jdbc.sql(TERMS + " where s.member_id = :member and " + LIVE)
			.param("member", memberId)
			.query((rs, row) -> terms(rs))
			.optional();
	}

	/** As {@link #liveTerms}, locked until the transaction ends. */
	public Optional<SubscriptionTerms> lockLiveTerms(long memberId) {
		return jdbc.sql(TERMS + " where s.member_id = :member and " + LIVE + " for update of s")
			.param("member", memberId)
			.query((rs, row) -> terms(rs))
			.optional();
	}

	public SubscriptionTerms lockTerms(long subscriptionId) {
		return jdbc.sql(TERMS + " where s.id = :id for update of s")
			.param("id", subscriptionId)
			.query((rs, row) -> terms(rs))
			.single();
	}

	private static SubscriptionTerms terms(ResultSet rs) throws SQLException {
		String interval = rs.getString("billing_interval");
		Long plan = Columns.nullableLong(rs, "plan_id");
		Long price = Columns.nullableLong(rs, "price_amount");
		Integer percent = Columns.nullableInt(rs, "percent_off");
		Long amount = Columns.nullableLong(rs, "amount_off");
		return new SubscriptionTerms(rs.getLong("id"), rs.getLong("member_id"), plan,
				SubscriptionStatus.fromCode(rs.getString("status")), rs.getBoolean("comped"), rs.getBoolean("renews"),
				interval == null ? null : BillingInterval.fromCode(interval).orElseThrow(), price,
				rs.getString("currency"), Timestamps.require(rs, "current_period_start"),
				Timestamps.read(rs, "current_period_end"), rs.getLong("credit_balance"),
				new Discount(percent, amount, Timestamps.read(rs, "discount_ends_at")),
				Columns.nullableInt(rs, "seats"));
	}

	/** Points an unfinished checkout at the plan and interval the member now chose. */
	public void choosePlan(long id, PlanCatalog.StoredPlan plan, BillingInterval interval, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set plan_id = :plan, tier = :tier, billing_interval = :interval, price_amount = :price,
				    currency = :currency, seats = :seats, updated_at = :now
				where id = :id and status = 'incomplete'
				""")
			.param("id", id)
			.param("seats", plan.seats())
			.param("plan", plan.id())
			.param("tier", plan.plan().tier())
			.param("interval", interval.code())
			.param("price", plan.plan().price(interval))
			.param("currency", plan.plan().currency())
			.param("now", Timestamps.of(now))
			.update();
	}

	/** Copies a coupon's terms onto the subscription. */
	public void applyDiscount(long id, long couponId, Discount discount, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set coupon_id = :coupon, percent_off = :percent, amount_off = :amount, discount_ends_at = :ends,
				    updated_at = :now
				where id = :id
				""")
			.param("id", id)
			.param("coupon", couponId)
			.param("percent", discount.percentOff())
			.param("amount", discount.amountOff())
			.param("ends", Timestamps.of(discount.endsAt()))
			.param("now", Timestamps.of(now))
			.update();
	}

	/**
	 * Drops the coupon's terms from an unfinished checkout whose first charge was
	 * declined.
	 */
	public void clearDiscount(long id, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set coupon_id = null, percent_off = null, amount_off = null, discount_ends_at = null, updated_at = :now
				where id = :id and status = 'incomplete'
				""").param("id", id).param("now", Timestamps.of(now)).update();
	}

}
