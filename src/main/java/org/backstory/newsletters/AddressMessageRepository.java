package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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
	 * The message a delivery report is about, as (send, member): the one its Message-ID
	 * names when that went to this address (by its suppression key), else the latest
	 * delivered to the address since {@code since}.
	 */
	Optional<long[]> reportedMessage(String key, @Nullable MessageRef named, Instant since) {
		if (named != null) {
			Optional<long[]> exact = jdbc.sql("""
					select send_id, member_id from newsletters.recipient
					where send_id = :send and member_id = :member and lower(address) = :key and sent_at is not null""")
				.param("send", named.sendId())
				.param("member", named.memberId())
				.param("key", key)
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional();
			if (exact.isPresent()) {
				return exact;
			}
		}
		return jdbc.sql("""
				select send_id, member_id from newsletters.recipient
				where lower(address) = :key and sent_at >= :since
				order by sent_at desc, send_id desc limit 1""")
			.param("key", key)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
	}

	/**
	 * Marks a delivered message bounced, only while it is still marked sent; whether it
	 * did.
	 */
	boolean markBounced(long[] message, String error) {
		return jdbc.sql("""
				update newsletters.recipient set status = 'bounced', last_error = :error
				where send_id = :send and member_id = :member and status = 'sent'""")
			.param("send", message[0])
			.param("member", message[1])
			.param("error", error)
			.update() == 1;
	}

	/** Records a complaint about a delivered message, once; whether it was the first. */
	boolean markComplained(long[] message, Instant at) {
		return jdbc.sql("""
				update newsletters.recipient set complained_at = :at
				where send_id = :send and member_id = :member and complained_at is null""")
			.param("send", message[0])
			.param("member", message[1])
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

}
