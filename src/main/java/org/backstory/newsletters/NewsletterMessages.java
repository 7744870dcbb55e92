package org.backstory.newsletters;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The newsletter messages a member was sent, newest first, from the sends' recipient
 * rows.
 */
@Service
public class NewsletterMessages {

	private final JdbcClient jdbc;

	NewsletterMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} messages to this address (the recipient rows keep the address
	 * each was sent to).
	 */
	public List<NewsletterMessage> to(String address, int limit) {
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

}
