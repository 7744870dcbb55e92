package org.backstory.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable queue of outgoing mail. */
@Repository
class OutgoingMailRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	OutgoingMailRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Queues a message; empty when a message with the same idempotency key exists
	 * already.
	 */
	Optional<Long> insert(Mail mail, Instant now, Instant firstSweep) {
		return jdbc.sql("""
				insert into email.outgoing_mail
				    (idempotency_key, recipient, subject, text_body, html_body, next_attempt_at, created_at)
				values (:key, :to, :subject, :text, :html, :sweep, :now)
				on conflict (idempotency_key) do nothing
				returning id""")
			.param("key", mail.key())
			.param("to", mail.to())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("sweep", Timestamp.from(firstSweep))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Queues messages in one round trip, skipping those whose key exists; how many were
	 * queued.
	 */
	int insertAll(List<Mail> mails, Instant now) {
		int[] inserted = batch.batchUpdate("""
				insert into email.outgoing_mail
				    (idempotency_key, recipient, subject, text_body, html_body, next_attempt_at, created_at)
				values (:key, :to, :subject, :text, :html, :now, :now)
				on conflict (idempotency_key) do nothing""",
				mails.stream()
					.map(mail -> new MapSqlParameterSource().addValue("key", mail.key(), Types.VARCHAR)
						.addValue("to", mail.to())
						.addValue("subject", mail.subject())
						.addValue("text", mail.text())
						.addValue("html", mail.html(), Types.VARCHAR)
						.addValue("now", Timestamp.from(now)))
					.toArray(MapSqlParameterSource[]::new));
		return Arrays.stream(inserted).sum();
	}

	/**
	 * The message if it is still pending and no other delivery holds it; the row stays
	 * locked until the transaction ends, so two nodes (or the task and the sweeper) never
	 * deliver it at the same time.
	 */
	Optional<OutgoingMail> lockPending(long id) {
		return jdbc.sql("""
				select id, recipient, subject, text_body, html_body, created_at, attempts
				from email.outgoing_mail where id = :id and status = 'PENDING'
				for update skip locked""").param("id", id).query(OutgoingMailRepository::mail).optional();
	}

	private static OutgoingMail mail(ResultSet rs, int row) throws SQLException {
		return new OutgoingMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("attempts"));
	}

	void markSent(long id, Instant now) {
		jdbc.sql("""
				update email.outgoing_mail
				set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null
				where id = :id""").param("id", id).param("now", Timestamp.from(now)).update();
	}

	void markFailed(long id, int attempts, Instant nextAttempt, boolean givenUp, String error) {
		jdbc.sql("""
				update email.outgoing_mail
				set attempts = :attempts, next_attempt_at = :next, status = :status, last_error = :error
				where id = :id""")
			.param("id", id)
			.param("attempts", attempts)
			.param("next", Timestamp.from(nextAttempt))
			.param("status", givenUp ? "FAILED" : "PENDING")
			.param("error", error)
			.update();
	}

	/**
	 * The oldest pending message whose next attempt is due and which no other delivery
	 * holds, locked as {@link #lockPending} locks it.
	 */
	Optional<OutgoingMail> lockNextDue(Instant now) {
		return jdbc.sql("""
				select id, recipient, subject, text_body, html_body, created_at, attempts
				from email.outgoing_mail where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at limit 1
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.query(OutgoingMailRepository::mail)
			.optional();
	}

	/** Deletes every message to {@code address}; returns their ids. */
	List<Long> deleteTo(String address) {
		return jdbc.sql("delete from email.outgoing_mail where lower(recipient) = lower(:address) returning id")
			.param("address", address)
			.query(Long.class)
			.list();
	}

}
