package org.backstory.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.backstory.members.MemberDeleted;
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
	 * Lets the read through if the member has opened this article this month already or
	 * has reads left, and records it. Concurrent reads by one member are serialised so
	 * the allowance can't be overrun.
	 */
	@Transactional
	MeterStatus use(long memberId, long articleId) {
		int allowance = settings.freeReadsPerMonth();
		if (allowance == 0) {
			return MeterStatus.OFF;
		}
		Instant now = clock.instant();
		LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
		jdbc.sql("select pg_advisory_xact_lock(hashtext('metered_read'), :member)")
			.param("member", (int) memberId)
			.query((rs, row) -> 1)
			.list();
		boolean seen = jdbc
			.sql("""
					select exists (select 1 from access.metered_read where member_id = :member and month = :month and article_id = :article)
					""")
			.param("member", memberId)
			.param("month", month)
			.param("article", articleId)
			.query(Boolean.class)
			.single();
		int used = jdbc.sql("select count(*) from access.metered_read where member_id = :member and month = :month")
			.param("member", memberId)
			.param("month", month)
			.query(Integer.class)
			.single();
		if (seen) {
			return new MeterStatus(allowance, allowance - used, true);
		}
		if (used >= allowance) {
			return new MeterStatus(allowance, 0, false);
		}
		jdbc.sql(
				"insert into access.metered_read (member_id, month, article_id, read_at) values (:member, :month, :article, :at)")
			.param("member", memberId)
			.param("month", month)
			.param("article", articleId)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return new MeterStatus(allowance, allowance - used - 1, true);
	}

	/** Free members' metered reads of one article, and how many members they were. */
	ReadingActivity.MeterCount ofArticle(long articleId) {
		return jdbc
			.sql("select count(*), count(distinct member_id) from access.metered_read where article_id = :article")
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
	}

}
