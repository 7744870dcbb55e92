package org.backstory.billing.payment;

import java.util.HashMap;
import java.util.Map;

import org.backstory.billing.BillingInterval;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each payment paid for, worked out from the plan change history. */
@Repository
public class ReceiptRepository {

	private final JdbcClient jdbc;

	ReceiptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The plan and interval each of the member's payments paid for, by payment id. A plan
	 * change payment paid for the plan it moved to; any other payment for the plan its
	 * subscription was on when it was made: the one the last change before it moved to,
	 * else the one the first change after it moved from, else the one the subscription is
	 * on.
	 */
	public Map<Long, PaidFor> paidFor(long memberId) {
		Map<Long, PaidFor> paidFor = new HashMap<>();
		jdbc.sql(
				"""
						select p.id, p.purpose, pl.name as plan_name, x.billing_interval
						from billing.payment p
						left join lateral (
						    select c.plan_id, c.billing_interval, 1 as rank from billing.plan_change c where c.payment_id = p.id
						    union all
						    (select c.plan_id, c.billing_interval, 2 from billing.plan_change c
						     where c.subscription_id = p.subscription_id and c.status = 'applied' and c.applied_at <= p.created_at
						     order by c.applied_at desc, c.id desc limit 1)
						    union all
						    (select c.from_plan_id, c.from_interval, 3 from billing.plan_change c
						     where c.subscription_id = p.subscription_id and c.status = 'applied' and c.applied_at > p.created_at
						     order by c.applied_at, c.id limit 1)
						    union all
						    select s.plan_id, s.billing_interval, 4 from billing.subscription s where s.id = p.subscription_id
						    order by rank limit 1
						) x on true
						left join billing.plan pl on pl.id = x.plan_id
						where p.member_id = :member
						""")
			.param("member", memberId)
			.query(rs -> {
				String interval = rs.getString("billing_interval");
				BillingInterval paidInterval = interval == null ? null
						: BillingInterval.fromCode(interval).orElse(null);
				paidFor.put(rs.getLong("id"), new PaidFor(PaymentPurpose.fromCode(rs.getString("purpose")),
						rs.getString("plan_name"), paidInterval));
			});
		return paidFor;
	}

	/** A payment's purpose, and the plan and interval it paid for when known. */
	public record PaidFor(PaymentPurpose purpose, @Nullable String planName, @Nullable BillingInterval interval) {

		/** e.g. {@code Supporter, yearly} or {@code Change to Patron, monthly}. */
		public String description() {
			String plan = planName == null ? "Subscription"
					: planName + (interval == null ? "" : interval == BillingInterval.MONTH ? ", monthly" : ", yearly");
			return switch (purpose) {
				case CHECKOUT, RENEWAL -> plan;
				case PLAN_CHANGE -> planName == null ? "Plan change" : "Change to " + plan;
				case GIFT -> "Gift subscription";
				case INVOICE -> planName == null ? "Group licence invoice" : "Group licence: " + plan;
				case SEATS -> "Seats added to " + plan;
			};
		}

	}

}
