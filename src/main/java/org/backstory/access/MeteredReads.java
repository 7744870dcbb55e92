package org.backstory.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.backstory.members.MemberDeleted;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts the paid articles free members read through the monthly meter. */
@Component
class MeteredReads {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeteringSettings settings;

	MeteredReads(JdbcClient jdbc, Clock clock, MeteringSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Lets the read through if the member has opened this article this month already (or
	 * read it before signing up: a carried read) or has reads left, and records it.
	 * Carried reads never count against the allowance, which in the month a member signed
	 * up is at least the anonymous reads they still had. Concurrent reads by one member
	 * are serialised so the allowance can't be overrun.
	 */
	@Transactional
	MeterStatus use(long memberId, long articleId) {
		Instant now = clock.instant();
		LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
		jdbc.sql("select pg_advisory_xact_lock(hashtext('metered_read'), :member)")
			.param("member", (int) memberId)
			.query((rs, row) -> 1)
			.list();
		Month reads = jdbc
			.sql("""
					select (select carried from access.metered_read
					        where member_id = :member and month = :month and article_id = :article) as seen,
					       (select count(*) from access.metered_read
					        where member_id = :member and month = :month and not carried) as used,
					       (select reads_left from access.signup_meter where member_id = :member and month = :month) as signup_left
					""")
			.param("member", memberId)
			.param("month", month)
			.param("article", articleId)
			.query((rs, row) -> new Month(rs.getObject("seen", Boolean.class), rs.getInt("used"),
					rs.getInt("signup_left")))
			.single();
		int allowance = Math.max(settings.freeReadsPerMonth(), reads.leftAtSignup());
		int remaining = Math.max(0, allowance - reads.used());
		if (Boolean.TRUE.equals(reads.seenCarried())) {
			return MeterStatus.carried(allowance, remaining);
		}
		if (allowance == 0) {
			return MeterStatus.OFF;
		}
		if (reads.seenCarried() != null) {
			return new MeterStatus(allowance, remaining, true);
		}
		if (remaining == 0) {
			return new MeterStatus(allowance, 0, false);
		}
		insert(memberId, month, articleId, false, now);
		return new MeterStatus(allowance, remaining - 1, true);
	}

	/**
	 * Records the paid articles a new member read before signing up, this month, as
	 * carried reads, and the anonymous reads they still had; an article already recorded
	 * keeps its record.
	 */
	@Transactional
	void carryOver(long memberId, Set<Long> articleIds, int readsLeft) {
		Instant now = clock.instant();
		LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
		for (long articleId : articleIds) {
			insert(memberId, month, articleId, true, now);
		}
		jdbc.sql("""
				insert into access.signup_meter (member_id, month, reads_left) values (:member, :month, :left)
				on conflict (member_id, month) do update set reads_left = greatest(signup_meter.reads_left, :left)
				""").param("member", memberId).param("month", month).param("left", readsLeft).update();
	}

	private void insert(long memberId, LocalDate month, long articleId, boolean carried, Instant now) {
		jdbc.sql("""
				insert into access.metered_read (member_id, month, article_id, read_at, carried)
				values (:member, :month, :article, :at, :carried) on conflict do nothing
				""")
			.param("member", memberId)
			.param("month", month)
			.param("article", articleId)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("carried", carried)
			.update();
	}

	/**
	 * Free members' metered reads of one article (not those carried over from before
	 * sign-up), and how many members they were.
	 */
	ReadingActivity.MeterCount ofArticle(long articleId) {
		return jdbc.sql(
				"select count(*), count(distinct member_id) from access.metered_read where article_id = :article and not carried")
			.param("article", articleId)
			.query((rs, row) -> new ReadingActivity.MeterCount(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** A deleted member's reading history goes with them, in the same transaction. */
	@EventListener
	void on(MemberDeleted event) {
		jdbc.sql("delete from access.metered_read where member_id = :member")
			.param("member", event.memberId())
			.update();
		jdbc.sql("delete from access.signup_meter where member_id = :member")
			.param("member", event.memberId())
			.update();
	}

	/**
	 * A member's month: whether this article was read (true when it was carried over,
	 * null when not read), the reads counted, and the anonymous reads left at sign-up (0
	 * when they did not sign up this month).
	 */
	private record Month(@Nullable Boolean seenCarried, int used, int leftAtSignup) {
	}

}
