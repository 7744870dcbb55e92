package org.backstory.billing.card;

import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.card.CardSetups.Purpose;
import org.backstory.billing.card.CardSetups.Setup;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Card setups on the gateway's page: one row each, from start to finish. */
@Repository
class CardSetupRepository {

	private final JdbcClient jdbc;

	CardSetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String setupId, long memberId, String gateway, String customerId, Purpose purpose, Instant now) {
		jdbc.sql("""
				insert into billing.card_setup (id, member_id, gateway, customer_id, purpose, started_at)
				values (:id, :member, :gateway, :customer, :purpose, :now)
				""")
			.param("id", setupId)
			.param("member", memberId)
			.param("gateway", gateway)
			.param("customer", customerId)
			.param("purpose", purpose.code())
			.param("now", Timestamps.of(now))
			.update();
	}

	Optional<Setup> find(String setupId) {
		return jdbc.sql("select id, member_id, purpose, finished_at is not null from billing.card_setup where id = :id")
			.param("id", setupId)
			.query((rs, row) -> new Setup(rs.getString(1), rs.getLong(2), Purpose.fromCode(rs.getString(3)),
					rs.getBoolean(4)))
			.optional();
	}

	/**
	 * Whether the setup is unfinished and no newer setup of the member was finished.
	 */
	boolean isCurrent(String setupId) {
		return jdbc.sql("""
				select s.finished_at is null and not exists (
				    select 1 from billing.card_setup newer
				    where newer.member_id = s.member_id and newer.finished_at is not null
				      and newer.started_at > s.started_at)
				from billing.card_setup s where s.id = :id
				""").param("id", setupId).query(Boolean.class).optional().orElse(false);
	}

	/** Records the setup as finished; false if it already was. */
	boolean markFinished(String setupId, Instant now) {
		return jdbc.sql("update billing.card_setup set finished_at = :now where id = :id and finished_at is null")
			.param("id", setupId)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	void deleteAllOf(long memberId) {
		jdbc.sql("delete from billing.card_setup where member_id = :member").param("member", memberId).update();
	}

	/**
	 * The member's customer at {@code gateway}: the card on file's, else the latest
	 * setup's.
	 */
	@Nullable String customerOf(long memberId, String gateway) {
		return jdbc
			.sql("""
					select customer_id from (
					    select gateway_customer_id as customer_id, 0 as preference, updated_at as at
					    from billing.card where member_id = :member and gateway = :gateway and gateway_customer_id is not null
					    union all
					    select customer_id, 1, started_at from billing.card_setup where member_id = :member and gateway = :gateway
					) known order by preference, at desc limit 1
					""")
			.param("member", memberId)
			.param("gateway", gateway)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
