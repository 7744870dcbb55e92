package org.backstory.billing.card;

import java.time.Instant;
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

}
