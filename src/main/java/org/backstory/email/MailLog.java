package org.backstory.email;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The transactional mail written to an address, newest first; never the bodies. */
@Service
public class MailLog {

	private final JdbcClient jdbc;

	MailLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} mails to this address, whatever its case. */
	public List<MailLogEntry> to(String address, int limit) {
		return jdbc.sql("""
				select coalesce(sent_at, created_at) as at, subject, status from email.outgoing_mail
				where lower(recipient) = lower(:address) order by created_at desc, id desc limit :limit""")
			.param("address", address)
			.param("limit", limit)
			.query((rs, row) -> new MailLogEntry(rs.getTimestamp("at").toInstant(), rs.getString("subject"),
					rs.getString("status")))
			.list();
	}

}
