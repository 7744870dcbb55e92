package org.backstory.billing.card;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Card setups on the gateway's own page, started for a checkout, a gift or to replace the
 * card on file. Each is recorded when started, so only the member who started one can
 * finish it, and each is finished once: by the member's return or by the gateway's
 * notification, whichever comes first. A setup finished after a newer one of the same
 * member does not count, so a late notification never brings back an older card.
 */
@Component
public class CardSetups {

	private static final Logger log = LoggerFactory.getLogger(CardSetups.class);

	private final JdbcClient jdbc;

	private final PaymentGateway gateway;

	private final Clock clock;

	CardSetups(JdbcClient jdbc, PaymentGateway gateway, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** What a setup is for: what happens once the card is in. */
	public enum Purpose {

		/**
		 * The first payment of a checkout; the card goes on file only if that charge
		 * succeeds.
		 */
		CHECKOUT,

		/** Replacing the card on file. */
		CARD,

		/** Paying for a gift; the buyer's card is never filed. */
		GIFT;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Purpose fromCode(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	/** A setup as recorded when it started. */
	record Setup(String id, long memberId, Purpose purpose, boolean finished) {
	}

	/**
	 * Starts a setup on the gateway's page, for the member's existing gateway customer if
	 * they have one.
	 * @return where to send the member, or empty if the gateway did not answer
	 */
	public Optional<String> start(long memberId, String email, Purpose purpose, String returnUrl, String cancelUrl) {
		PaymentGateway.HostedCardSetup setup;
		try {
			setup = gateway.startCardSetup(
					new PaymentGateway.CardSetup(memberId, email, customerOf(memberId), returnUrl, cancelUrl));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card setup not started memberId={} reason={}", memberId, ex.getMessage());
			return Optional.empty();
		}
		jdbc.sql("""
				insert into billing.card_setup (id, member_id, gateway, customer_id, purpose, started_at)
				values (:id, :member, :gateway, :customer, :purpose, :now)
				""")
			.param("id", setup.setupId())
			.param("member", memberId)
			.param("gateway", gateway.name())
			.param("customer", setup.customerId())
			.param("purpose", purpose.code())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		log.info("Card setup started memberId={} purpose={}", memberId, purpose.code());
		return Optional.of(setup.url());
	}

	Optional<Setup> find(String setupId) {
		return jdbc.sql("select id, member_id, purpose, finished_at is not null from billing.card_setup where id = :id")
			.param("id", setupId)
			.query((rs, row) -> new Setup(rs.getString(1), rs.getLong(2), Purpose.fromCode(rs.getString(3)),
					rs.getBoolean(4)))
			.optional();
	}

	/**
	 * The card the member entered in their setup. A setup that is not theirs is declined
	 * without asking the gateway; asking again about one gives the same card.
	 * @throws PaymentGatewayException if the gateway did not answer
	 */
	public PaymentGateway.CardAttachment read(long memberId, String setupId) {
		if (find(setupId).filter(setup -> setup.memberId() == memberId).isEmpty()) {
			log.warn("Card setup not found for member memberId={}", memberId);
			return new PaymentGateway.CardAttachment.Declined("setup_not_found",
					"We couldn't find the card you entered. Please add your card again.");
		}
		return gateway.finishCardSetup(setupId, memberId);
	}

	/**
	 * Whether the setup's card is yet to be filed: not finished before, and no newer
	 * setup of the member was.
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
	public boolean markFinished(String setupId) {
		return jdbc.sql("update billing.card_setup set finished_at = :now where id = :id and finished_at is null")
			.param("id", setupId)
			.param("now", Timestamps.of(clock.instant()))
			.update() == 1;
	}

	public void deleteAllOf(long memberId) {
		jdbc.sql("delete from billing.card_setup where member_id = :member").param("member", memberId).update();
	}

	/**
	 * The member's customer at this gateway: the card on file's, else the latest setup's.
	 */
	private @Nullable String customerOf(long memberId) {
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
			.param("gateway", gateway.name())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
