package org.backstory.members.welcome;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The welcome texts staff wrote, and which member has been welcomed how. */
@Repository
public class WelcomeRepository {

	private final JdbcClient jdbc;

	WelcomeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<WelcomeText> text(WelcomeKind kind) {
		return jdbc.sql("select subject, body from members.welcome_text where kind = :kind")
			.param("kind", kind.code())
			.query((rs, row) -> new WelcomeText(rs.getString("subject"), rs.getString("body")))
			.optional();
	}

	void saveText(WelcomeKind kind, WelcomeText text, Instant now) {
		jdbc.sql("""
				insert into members.welcome_text (kind, subject, body, updated_at) values (:kind, :subject, :body, :now)
				on conflict (kind) do update set subject = excluded.subject, body = excluded.body,
				    updated_at = excluded.updated_at""")
			.param("kind", kind.code())
			.param("subject", text.subject())
			.param("body", text.body())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Records that {@code memberId} is welcomed this way; false when they already were,
	 * so the caller sends nothing.
	 */
	public boolean claim(long memberId, WelcomeKind kind, Instant now) {
		return jdbc.sql("""
				insert into members.welcome_sent (member_id, kind, sent_at) values (:member, :kind, :now)
				on conflict do nothing""")
			.param("member", memberId)
			.param("kind", kind.code())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
