package org.backstory.billing.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.backstory.billing.RenewalProperties;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.StoredCard;
import org.backstory.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells members whose card on file runs out before long, while a renewal still depends on
 * it. Runs daily; each card's notice is keyed by the card, so it is mailed once however
 * often this runs.
 */
@Component
public class CardExpiryNotices {

	private static final Logger log = LoggerFactory.getLogger(CardExpiryNotices.class);

	private final JdbcClient jdbc;

	private final BillingMails mails;

	private final RenewalProperties properties;

	private final Clock clock;

	CardExpiryNotices(JdbcClient jdbc, BillingMails mails, RenewalProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails every member whose card expires within the notice period and who has a
	 * renewing subscription.
	 */
	@Transactional
	public int sendDue() {
		Instant now = clock.instant();
		// A card is good through the last day of its expiry month.
		List<ExpiringCard> expiring = jdbc.sql("""
				select c.member_id, c.gateway_customer_id, c.token, c.brand, c.last4, c.exp_month, c.exp_year
				from billing.card c
				join billing.subscription s on s.member_id = c.member_id
				where s.status in ('trialing', 'active', 'past_due') and s.renews and not s.comped
				  and make_timestamptz(c.exp_year, c.exp_month, 1, 0, 0, 0, 'UTC') + interval '1 month'
				      between :now and :horizon
				""")
			.param("now", Timestamps.of(now))
			.param("horizon", Timestamps.of(now.plus(properties.cardExpiryNotice())))
			.query((rs, row) -> new ExpiringCard(rs.getLong(1),
					new StoredCard(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
							rs.getInt(7))))
			.list();
		expiring.forEach(card -> mails.cardExpiring(card.memberId(), card.card()));
		if (!expiring.isEmpty()) {
			log.info("Card expiry notices queued count={}", expiring.size());
		}
		return expiring.size();
	}

	private record ExpiringCard(long memberId, StoredCard card) {
	}

}
