package org.backstory.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Billing's answers for the staff member list: which members have a status or plan (as
 * ids, so the list never joins billing's tables), and the billing of a page of members.
 * Both read only the live subscriptions, at most one per member.
 */
@Service
public class MemberBillingQueries {

	private static final String LIVE = """
			select s.member_id, s.status, s.comped, s.gift_id is not null as gift, s.tier, p.code, p.name
			from billing.subscription s left join billing.plan p on p.id = s.plan_id
			where s.status in ('trialing', 'active', 'past_due', 'canceled')""";

	private final JdbcClient jdbc;

	MemberBillingQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The members with this status and on this plan, when there are at most
	 * {@code atMost} ids to list; empty when there are more (ask {@link #membersAmong} a
	 * chunk of members at a time instead).
	 * @param status the status, or null for any
	 * @param planCode the plan of a live paid subscription, or null for any
	 */
	public Optional<BillingMembers> membersWith(@Nullable BillingStatus status, @Nullable String planCode, int atMost) {
		if (status == BillingStatus.FREE) {
			if (planCode != null) {
				return Optional.of(new BillingMembers(false, Set.of()));
			}
			return ids(null, null, null, atMost).map(live -> new BillingMembers(true, live));
		}
		return ids(status, planCode, null, atMost).map(ids -> new BillingMembers(false, ids));
	}

	/**
	 * Which of these members have this status and are on this plan (either may be null
	 * for any).
	 */
	public Set<Long> membersAmong(@Nullable BillingStatus status, @Nullable String planCode,
			Collection<Long> candidates) {
		if (status == BillingStatus.FREE) {
			if (planCode != null) {
				return Set.of();
			}
			Set<Long> free = new HashSet<>(candidates);
			free.removeAll(ids(null, null, candidates, Integer.MAX_VALUE).orElseThrow());
			return free;
		}
		return ids(status, planCode, candidates, Integer.MAX_VALUE).orElseThrow();
	}

	/**
	 * The billing of each of these members; every id is a key,
	 * {@link MemberBilling#free()} when they have none.
	 */
	public Map<Long, MemberBilling> of(Collection<Long> memberIds) {
		Map<Long, MemberBilling> billing = new HashMap<>();
		memberIds.forEach(id -> billing.put(id, MemberBilling.free()));
		if (memberIds.isEmpty()) {
			return billing;
		}
		jdbc.sql(LIVE + " and s.member_id = any(:ids)").param("ids", memberIds.toArray(Long[]::new)).query(rs -> {
			BillingStatus status = BillingStatus.of(SubscriptionStatus.fromCode(rs.getString("status")),
					rs.getBoolean("comped"), rs.getBoolean("gift"));
			billing.put(rs.getLong("member_id"),
					new MemberBilling(status, rs.getString("code"), rs.getString("name"), rs.getString("tier")));
		});
		return billing;
	}

	/** Every plan, active or not, by code, with its name: the plan filter's choices. */
	public Map<String, String> plans() {
		Map<String, String> plans = new LinkedHashMap<>();
		jdbc.sql("select code, name from billing.plan order by display_order, id").query(rs -> {
			plans.put(rs.getString(1), rs.getString(2));
		});
		return plans;
	}

	/**
	 * The live subscriptions flagged as needing a card: comps flagged with
	 * {@link SubscriptionService#flagCardNeeded} (members who paid on another platform),
	 * and paid subscriptions {@link BillingRestore} brought over without their card (the
	 * flag goes when the member files one); the soonest-ending first.
	 */
	public List<CardNeeded> cardNeeded() {
		return jdbc.sql("""
				select member_id, card_needed_from, current_period_end, comped from billing.subscription
				where card_needed_from is not null and status in ('trialing', 'active', 'past_due', 'canceled')
				order by current_period_end nulls last, member_id""").query((rs, row) -> {
			Timestamp ends = rs.getTimestamp(3);
			return new CardNeeded(rs.getLong(1), rs.getString(2), ends == null ? null : ends.toInstant(),
					rs.getBoolean(4));
		}).list();
	}

	/**
	 * A member whose comp stands in for a subscription paid on another platform, or whose
	 * restored paid subscription has no card here yet.
	 *
	 * @param memberId the member
	 * @param from the platform they paid on ({@link BillingRestore#CARD_FROM} for a
	 * restore)
	 * @param compEnds when the comp or the paid period ends (their paid period there), or
	 * null for no end
	 * @param comped whether it is a comp (else a restored paid subscription, which renews
	 * then)
	 */
	public record CardNeeded(long memberId, String from, @Nullable Instant compEnds, boolean comped) {
	}

	/**
	 * The tier a comp gives when staff do not choose one (imports): the first active
	 * plan's.
	 */
	public @Nullable String defaultCompTier() {
		List<String> tiers = jdbc.sql("select tier from billing.plan where active order by display_order, id limit 1")
			.query(String.class)
			.list();
		return tiers.isEmpty() ? null : tiers.get(0);
	}

	private Optional<Set<Long>> ids(@Nullable BillingStatus status, @Nullable String planCode,
			@Nullable Collection<Long> among, int atMost) {
		StringBuilder sql = new StringBuilder(LIVE);
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			sql.append(switch (status) {
				case COMPED -> " and s.comped";
				case GIFT -> " and not s.comped and s.gift_id is not null";
				case PAID -> " and not s.comped and s.gift_id is null and s.status = 'active'";
				case TRIALING -> " and not s.comped and s.gift_id is null and s.status = 'trialing'";
				case PAST_DUE -> " and not s.comped and s.gift_id is null and s.status = 'past_due'";
				case CANCELED -> " and not s.comped and s.gift_id is null and s.status = 'canceled'";
				case FREE -> "";
			});
		}
		if (planCode != null) {
			sql.append(" and p.code = :plan");
			params.put("plan", planCode);
		}
		if (among != null) {
			sql.append(" and s.member_id = any(:among)");
			params.put("among", among.toArray(Long[]::new));
		}
		if (atMost < Integer.MAX_VALUE) {
			sql.append(" limit :limit");
			params.put("limit", atMost + 1);
		}
		List<Long> ids = jdbc.sql("select member_id from (" + sql + ") live").params(params).query(Long.class).list();
		return ids.size() > atMost ? Optional.empty() : Optional.of(new HashSet<>(ids));
	}

}
