package org.backstory.newsletters;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Newsletter messages by the address they went to (the recipient rows keep it): a
 * member's history, and the bounce a provider reports for an address.
 */
@Component
class AddressMessageRepository {

	private final JdbcClient jdbc;

	AddressMessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} messages to this address, newest first. */
	List<NewsletterMessage> to(String address, int limit) {
		return jdbc.sql("""
				select coalesce(r.sent_at, r.next_attempt_at) as at, n.name, e.subject, r.status
				from newsletters.recipient r
				join newsletters.send s on s.id = r.send_id
				join newsletters.newsletter n on n.id = s.newsletter_id
				join newsletters.edition e on e.send_id = r.send_id and e.edition = r.edition
				where lower(r.address) = lower(:address)
				order by r.sent_at desc nulls first, r.send_id desc
				limit :limit""")
			.param("address", address)
			.param("limit", limit)
			.query((rs, row) -> new NewsletterMessage(rs.getTimestamp("at").toInstant(), rs.getString("name"),
					rs.getString("subject"), rs.getString("status")))
			.list();
	}

	/**
	 * Marks the message most recently sent to the address (by its suppression key) as
	 * bounced, only while it is still marked sent; returns how many rows it marked (0 or
	 * 1).
	 */
	int markLatestBounced(String key, String error) {
		return jdbc.sql("""
				update newsletters.recipient r set status = 'bounced', last_error = :error
				from (select send_id, member_id, status from newsletters.recipient
				      where lower(address) = :key and sent_at is not null and status in ('sent', 'bounced')
				      order by sent_at desc limit 1) latest
				where r.send_id = latest.send_id and r.member_id = latest.member_id and latest.status = 'sent'""")
			.param("key", key)
			.param("error", error)
			.update();
	}

}
