package org.backstory.billing.card;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.CardColumns;
import org.backstory.billing.payment.StoredCard;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The card on file, one per member: the gateway's token and the facts safe to show. */
@Repository
public class CardRepository {

	private final JdbcClient jdbc;

	CardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StoredCard> find(long memberId) {
		return jdbc.sql("""
				select gateway_customer_id, token, brand, last4, exp_month, exp_year
				from billing.card where member_id = :member
				""")
			.param("member", memberId)
			.query((rs, row) -> new StoredCard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6)))
			.optional();
	}

	/**
	 * Puts the card on file, replacing the one there, and clears a restored paid
	 * subscription's "card needed" flag. Filing the card already on file again keeps the
	 * facts a gateway event brought since (they are at least as new as the caller's
	 * copy).
	 */
	public void save(long memberId, String gateway, StoredCard card, Instant now) {
		jdbc.sql("""
				insert into billing.card (member_id, gateway, gateway_customer_id, token, brand, last4, exp_month,
				    exp_year, created_at, updated_at)
				values (:member, :gateway, :customer, :token, :brand, :last4, :expMonth, :expYear, :now, :now)
				on conflict (member_id) do update
				set gateway = excluded.gateway, gateway_customer_id = excluded.gateway_customer_id,
				    token = excluded.token, brand = excluded.brand, last4 = excluded.last4,
				    exp_month = excluded.exp_month, exp_year = excluded.exp_year, updated_at = excluded.updated_at,
				    gateway_updated_at = null
				where billing.card.token <> excluded.token or billing.card.gateway_updated_at is null
				""")
			.param("member", memberId)
			.param("gateway", gateway)
			.params(CardColumns.of(card))
			.param("now", Timestamps.of(now))
			.update();
		// A paid subscription restored without its card (BillingRestore) needs one no
		// longer.
		jdbc.sql(
				"update billing.subscription set card_needed_from = null where member_id = ? and not comped and card_needed_from is not null")
			.param(memberId)
			.update();
	}

	/**
	 * Takes the gateway's facts about the card with {@code token} (a new expiry from the
	 * card updater, say) unless facts stated later were taken before.
	 * @param factsAt when the gateway stated them
	 * @return whether a card changed
	 */
	boolean updateFacts(String token, GatewayEvents.CardFacts facts, Instant factsAt, Instant now) {
		return jdbc.sql("""
				update billing.card
				set brand = :brand, last4 = :last4, exp_month = :expMonth, exp_year = :expYear, updated_at = :now,
				    gateway_updated_at = :factsAt
				where token = :token and (gateway_updated_at is null or gateway_updated_at < :factsAt)
				""")
			.param("token", token)
			.param("brand", facts.brand())
			.param("last4", facts.last4())
			.param("expMonth", facts.expMonth())
			.param("expYear", facts.expYear())
			.param("factsAt", Timestamps.of(factsAt))
			.param("now", Timestamps.of(now))
			.update() > 0;
	}

	/**
	 * Drops the card with {@code token} from file, whoever's it is; returns whether there
	 * was one.
	 */
	boolean deleteByToken(String token) {
		return jdbc.sql("delete from billing.card where token = :token").param("token", token).update() > 0;
	}

	public void delete(long memberId) {
		jdbc.sql("delete from billing.card where member_id = :member").param("member", memberId).update();
	}

	/**
	 * The cards that run out between {@code from} and {@code to} while a renewing, paid
	 * subscription depends on them. A card is good through the last day of its expiry
	 * month.
	 */
	List<ExpiringCard> expiringBetween(Instant from, Instant to) {
		return jdbc.sql("""
				select c.member_id, c.gateway_customer_id, c.token, c.brand, c.last4, c.exp_month, c.exp_year
				from billing.card c
				join billing.subscription s on s.member_id = c.member_id
				where s.status in ('trialing', 'active', 'past_due') and s.renews and not s.comped
				  and make_timestamptz(c.exp_year, c.exp_month, 1, 0, 0, 0, 'UTC') + interval '1 month'
				      between :now and :horizon
				""")
			.param("now", Timestamps.of(from))
			.param("horizon", Timestamps.of(to))
			.query((rs, row) -> new ExpiringCard(rs.getLong(1),
					new StoredCard(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
							rs.getInt(7))))
			.list();
	}

	/** A card about to run out and the member it belongs to. */
	record ExpiringCard(long memberId, StoredCard card) {
	}

}
