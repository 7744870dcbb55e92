package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-recipient rows of sends. A worker claims due rows with
 * {@code for update skip locked} and moves their {@code next_attempt_at} a lease into the
 * future, so two workers (on one node or two) never hold the same row and a dead worker's
 * rows come back when the lease ends. Each row is marked the moment the SMTP server
 * accepts its message.
 */
@Repository
class RecipientRepository {

	private final JdbcClient jdbc;

	RecipientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts recipients at positions {@code after + 1} onwards. */
	void insertAll(long sendId, List<NewRecipient> recipients, int after, Instant now) {
		if (recipients.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into newsletters.recipient
				  (send_id, member_id, address, name, edition, status, last_error, next_attempt_at, position)
				select :send, member, address, name, edition, status, error, :now, :after + n
				from unnest(:members, :addresses, :names, :editions, :statuses, :errors)
				  with ordinality as r(member, address, name, edition, status, error, n)
				on conflict do nothing""")
			.param("send", sendId)
			.param("after", after)
			.param("members", recipients.stream().map(NewRecipient::memberId).toArray(Long[]::new))
			.param("addresses", recipients.stream().map(NewRecipient::address).toArray(String[]::new))
			.param("names", recipients.stream().map(NewRecipient::name).toArray(String[]::new))
			.param("editions", recipients.stream().map(NewRecipient::edition).toArray(String[]::new))
			.param("statuses", recipients.stream().map(NewRecipient::status).toArray(String[]::new))
			.param("errors", recipients.stream().map(NewRecipient::error).toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Claims up to {@code limit} due recipients of sends under way for {@code worker}
	 * until {@code leaseEnd}: the next range of positions not yet handed out, or, once
	 * every range is, recipients due again (a retry, a dead node's lease that ran out).
	 */
	List<ClaimedRecipient> claim(String worker, int limit, Instant now, Instant leaseEnd) {
		for (Optional<long[]> range = nextRange(limit); range.isPresent(); range = nextRange(limit)) {
			List<ClaimedRecipient> claimed = claimRange(range.get(), worker, now, leaseEnd);
			if (!claimed.isEmpty()) {
				return claimed;
			}
		}
		return claimDue(worker, limit, now, leaseEnd);
	}

	/**
	 * The send id and the first and last position of the next range handed out, if any is
	 * left.
	 */
	private Optional<long[]> nextRange(int limit) {
		return jdbc.sql("""
				update newsletters.send set handed_out = least(handed_out + :limit, recipients)
				where id = (select id from newsletters.send where status = 'sending' and handed_out < recipients
				            order by id limit 1 for update)
				returning id, handed_out""")
			.param("limit", limit)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) - limit + 1, rs.getLong(2) })
			.optional();
	}

	private List<ClaimedRecipient> claimRange(long[] range, String worker, Instant now, Instant leaseEnd) {
		return jdbc
			.sql("""
					update newsletters.recipient r set next_attempt_at = :leaseEnd, claimed_by = :worker
					from newsletters.send s
					where r.send_id = :send and r.position between :first and :last and r.status = 'pending'
					  and r.next_attempt_at <= :now and s.id = r.send_id
					returning r.send_id, s.newsletter_id, r.member_id, r.address, r.name, r.edition, r.attempts, s.storyline_id""")
			.param("send", range[0])
			.param("first", range[1])
			.param("last", range[2])
			.param("worker", worker)
			.param("now", Timestamp.from(now))
			.param("leaseEnd", Timestamp.from(leaseEnd))
			.query(RecipientRepository::claimed)
			.list();
	}

	private List<ClaimedRecipient> claimDue(String worker, int limit, Instant now, Instant leaseEnd) {
		return jdbc
			.sql("""
					with due as (
					  select r.send_id, r.member_id from newsletters.recipient r
					  where r.status = 'pending' and r.next_attempt_at <= :now
					  limit :limit
					  for update skip locked)
					update newsletters.recipient r set next_attempt_at = :leaseEnd, claimed_by = :worker
					from due, newsletters.send s
					where r.send_id = due.send_id and r.member_id = due.member_id and s.id = r.send_id
					returning r.send_id, s.newsletter_id, r.member_id, r.address, r.name, r.edition, r.attempts, s.storyline_id""")
			.param("worker", worker)
			.param("limit", limit)
			.param("now", Timestamp.from(now))
			.param("leaseEnd", Timestamp.from(leaseEnd))
			.query(RecipientRepository::claimed)
			.list();
	}

	private static ClaimedRecipient claimed(ResultSet rs, int row) throws SQLException {
		return new ClaimedRecipient(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getInt(7), rs.getObject(8, Long.class));
	}

	/**
	 * Records that the server accepted these messages, in one statement; the recipients
	 * whose claim was lost to another worker are left out of the answer. Each worker's
	 * name stays on its rows, to tell which node mailed whom.
	 */
	Set<MessageRef> markSent(List<SentMark> marks, Instant now) {
		return new HashSet<>(jdbc.sql("""
				update newsletters.recipient r
				set status = 'sent', sent_at = :now, attempts = r.attempts + 1, last_error = null
				from unnest(:sends, :members, :workers) as sent(send_id, member_id, worker)
				where r.send_id = sent.send_id and r.member_id = sent.member_id and r.claimed_by = sent.worker
				  and r.status = 'pending'
				returning r.send_id, r.member_id""")
			.param("sends", marks.stream().map(mark -> mark.recipient().sendId()).toArray(Long[]::new))
			.param("members", marks.stream().map(mark -> mark.recipient().memberId()).toArray(Long[]::new))
			.param("workers", marks.stream().map(SentMark::worker).toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new MessageRef(rs.getLong(1), rs.getLong(2)))
			.list());
	}

	/** A transient failure: try again at {@code nextAttempt}. */
	void markRetry(ClaimedRecipient recipient, String worker, Instant nextAttempt, String error) {
		jdbc.sql("""
				update newsletters.recipient
				set attempts = attempts + 1, next_attempt_at = :next, claimed_by = null, last_error = :error
				where send_id = :send and member_id = :member and claimed_by = :worker and status = 'pending'""")
			.param("send", recipient.sendId())
			.param("member", recipient.memberId())
			.param("worker", worker)
			.param("next", Timestamp.from(nextAttempt))
			.param("error", error)
			.update();
	}

	/**
	 * Ends the recipient with {@code status} ({@code failed} or {@code suppressed})
	 * without mailing.
	 */
	void markDone(ClaimedRecipient recipient, String worker, String status, String error, boolean attempted) {
		jdbc.sql("""
				update newsletters.recipient
				set status = :status, attempts = attempts + :attempted, claimed_by = null, last_error = :error
				where send_id = :send and member_id = :member and claimed_by = :worker and status = 'pending'""")
			.param("send", recipient.sendId())
			.param("member", recipient.memberId())
			.param("worker", worker)
			.param("status", status)
			.param("attempted", attempted ? 1 : 0)
			.param("error", error)
			.update();
	}

	/**
	 * Gives claimed recipients back (a graceful stop, a rate limit, a server that is
	 * down) to be mailed from {@code at}.
	 */
	void release(Collection<ClaimedRecipient> recipients, String worker, Instant at) {
		if (recipients.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update newsletters.recipient r set next_attempt_at = :at, claimed_by = null
				from unnest(:sends, :members) as released(send_id, member_id)
				where r.send_id = released.send_id and r.member_id = released.member_id
				  and r.claimed_by = :worker and r.status = 'pending'""")
			.param("sends", recipients.stream().map(ClaimedRecipient::sendId).toArray(Long[]::new))
			.param("members", recipients.stream().map(ClaimedRecipient::memberId).toArray(Long[]::new))
			.param("worker", worker)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Those of {@code memberIds} who are recipients of a newsletter send of the article
	 * (not a follow email).
	 */
	Set<Long> newsletterRecipientsOf(long articleId, List<Long> memberIds) {
		return new HashSet<>(jdbc.sql("""
				select r.member_id from newsletters.recipient r join newsletters.send s on s.id = r.send_id
				where s.article_id = :article and s.storyline_id is null and r.member_id = any(:members)""")
			.param("article", articleId)
			.param("members", memberIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	void analyze() {
		jdbc.sql("analyze newsletters.recipient").update();
	}

	/** The latest failures of a send, for staff. */
	List<RecipientFailure> failures(long sendId, int limit) {
		return jdbc.sql("""
				select address, status, coalesce(last_error, ''), attempts from newsletters.recipient
				where send_id = :send and (status in ('failed', 'bounced', 'suppressed') or last_error is not null)
				order by status, address limit :limit""")
			.param("send", sendId)
			.param("limit", limit)
			.query((rs, row) -> new RecipientFailure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** Forgets a deleted member's rows (they hold the address). */
	void deleteMember(long memberId) {
		jdbc.sql("delete from newsletters.recipient where member_id = :member").param("member", memberId).update();
	}

}
