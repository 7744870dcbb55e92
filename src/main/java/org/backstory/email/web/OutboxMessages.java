package org.backstory.email.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.backstory.email.layout.TextSegment;
import org.backstory.shared.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the outgoing mail queue for the admin outbox. */
@Component
class OutboxMessages {

	private final JdbcClient jdbc;

	OutboxMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OutboxRow> latest(int limit) {
		return jdbc.sql("""
				select id, created_at, recipient, subject, status, attempts
				from email.outgoing_mail order by created_at desc, id desc limit :limit""")
			.param("limit", limit)
			.query(OutboxMessages::row)
			.list();
	}

	Optional<OutboxMessage> find(long id) {
		return jdbc
			.sql("""
					select id, created_at, recipient, subject, status, attempts, text_body, html_body is not null as has_html
					from email.outgoing_mail where id = :id""")
			.param("id", id)
			.query((rs, n) -> new OutboxMessage(row(rs, n), TextSegment.split(rs.getString("text_body")),
					rs.getBoolean("has_html")))
			.optional();
	}

	private static OutboxRow row(ResultSet rs, int n) throws SQLException {
		return new OutboxRow(rs.getLong("id"), Dates.sortableSecond(rs.getTimestamp("created_at").toInstant()),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"));
	}

}
