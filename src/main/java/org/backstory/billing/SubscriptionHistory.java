package org.backstory.billing;

import java.util.List;

import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What happened to a member's subscriptions, from the event log, for staff looking after
 * them.
 */
@Service
public class SubscriptionHistory {

	private final JdbcClient jdbc;

	SubscriptionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every event of every subscription the member has had, newest first. */
	public List<SubscriptionEventEntry> events(long memberId) {
		return jdbc
			.sql("""
					select e.subscription_id, e.occurred_at, e.from_status, e.to_status, e.cause, e.actor, e.amount, e.currency
					from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
					where s.member_id = :member
					order by e.occurred_at desc, e.id desc
					""")
			.param("member", memberId)
			.query((rs, row) -> {
				Long maybeAmount = Columns.nullableLong(rs, "amount");
				return new SubscriptionEventEntry(rs.getLong("subscription_id"), Timestamps.require(rs, "occurred_at"),
						rs.getString("from_status"), rs.getString("to_status"), rs.getString("cause"),
						rs.getString("actor"), maybeAmount, rs.getString("currency"));
			})
			.list();
	}

}
