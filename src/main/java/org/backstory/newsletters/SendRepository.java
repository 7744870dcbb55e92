package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sends and their editions. */
@Repository
class SendRepository {

	private static final String SELECT = """
			select id, article_id, newsletter_id, audience, status, scheduled_at, started_at, finished_at, recipients, detail,
			       storyline_id
			from newsletters.send""";

	private final JdbcClient jdbc;

	SendRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The new send's id, or empty when this article was already sent (or is scheduled) to
	 * this newsletter.
	 */
	Optional<Long> insert(long articleId, long newsletterId, Audience audience, Instant at, @Nullable Long staffId,
			Instant now) {
		return jdbc
			.sql("""
					insert into newsletters.send (article_id, newsletter_id, audience, status, scheduled_at, created_by, created_at)
					values (:article, :newsletter, :audience, 'scheduled', :at, :staff, :now)
					on conflict (article_id, newsletter_id) where storyline_id is null do nothing
					returning id""")
			.param("article", articleId)
			.param("newsletter", newsletterId)
			.param("audience", audience.code())
			.param("at", Timestamp.from(at))
			.param("staff", staffId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * A follow email's send, mailed as {@code newsletterId}'s sender and starting at
	 * {@code at}; empty when the article already went (or is going) to this storyline's
	 * followers.
	 */
	Optional<Long> insertFollow(long articleId, long storylineId, long newsletterId, Instant at) {
		return jdbc.sql("""
				insert into newsletters.send
				  (article_id, newsletter_id, storyline_id, audience, status, scheduled_at, created_at)
				values (:article, :newsletter, :storyline, 'all', 'scheduled', :at, :at)
				on conflict (article_id, storyline_id) where storyline_id is not null do nothing
				returning id""")
			.param("article", articleId)
			.param("newsletter", newsletterId)
			.param("storyline", storylineId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	/**
	 * The article's newsletter sends (not follow emails) that are due and have not
	 * started.
	 */
	List<Long> dueNewsletterSends(long articleId, Instant now) {
		return jdbc.sql("""
				select id from newsletters.send
				where article_id = :article and storyline_id is null and status = 'scheduled' and scheduled_at <= :now
				order by id""").param("article", articleId).param("now", Timestamp.from(now)).query(Long.class).list();
	}

	Optional<Send> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	Optional<Send> lock(long id) {
		return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	List<Send> recent(int limit) {
		return jdbc.sql(SELECT + " order by created_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	List<Send> ofArticle(long articleId) {
		return jdbc.sql(SELECT + " where article_id = :article order by id")
			.param("article", articleId)
			.query((rs, row) -> map(rs))
			.list();
	}

	void markSending(long id, int recipients, boolean tracked, Instant now) {
		jdbc.sql("""
				update newsletters.send set status = 'sending', started_at = :now, recipients = :recipients,
				  tracked = :tracked
				where id = :id""")
			.param("id", id)
			.param("tracked", tracked)
			.param("recipients", recipients)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Ends a scheduled send without mailing; whether it was still scheduled. */
	boolean cancel(long id, String detail, Instant now) {
		return jdbc.sql("""
				update newsletters.send set status = 'canceled', detail = :detail, finished_at = :now
				where id = :id and status = 'scheduled'""")
			.param("id", id)
			.param("detail", detail)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Marks every sending send without pending recipients as sent; how many finished. */
	int finishDone(Instant now) {
		return jdbc
			.sql("""
					update newsletters.send s set status = 'sent', finished_at = :now
					where s.status = 'sending'
					  and not exists (select 1 from newsletters.recipient r where r.send_id = s.id and r.status = 'pending')""")
			.param("now", Timestamp.from(now))
			.update();
	}

	void insertEdition(long sendId, String edition, EditionContent content) {
		jdbc.sql("""
				insert into newsletters.edition (send_id, edition, subject, html_body, text_body)
				values (:send, :edition, :subject, :html, :text)""")
			.param("send", sendId)
			.param("edition", edition)
			.param("subject", content.subject())
			.param("html", content.html())
			.param("text", content.text())
			.update();
	}

	Optional<EditionContent> edition(long sendId, String edition) {
		return jdbc
			.sql("""
					select subject, html_body, text_body from newsletters.edition where send_id = :send and edition = :edition""")
			.param("send", sendId)
			.param("edition", edition)
			.query((rs, row) -> new EditionContent(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	List<String> editions(long sendId) {
		return jdbc.sql("select edition from newsletters.edition where send_id = :send order by edition")
			.param("send", sendId)
			.query(String.class)
			.list();
	}

	/** How many of the send's recipients are in each status. */
	Map<String, Integer> tally(long sendId) {
		Map<String, Integer> tally = new HashMap<>();
		jdbc.sql("select status, count(*) from newsletters.recipient where send_id = :send group by status")
			.param("send", sendId)
			.query((ResultSet rs) -> {
				tally.put(rs.getString(1), rs.getInt(2));
			});
		return tally;
	}

	private static Send map(ResultSet rs) throws SQLException {
		return new Send(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("newsletter_id"),
				Audience.ofCode(rs.getString("audience")), SendStatus.ofCode(rs.getString("status")),
				rs.getTimestamp("scheduled_at").toInstant(), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getInt("recipients"), rs.getString("detail"), rs.getObject("storyline_id", Long.class));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
