package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link StorylineEvents}; events come in date order, then in the order
 * they were added.
 */
@Repository
class StorylineEventRepository {

	private static final String FIELDS = """
			e.id, e.storyline_id, e.happened_on, e.date_precision, e.summary, e.quote, e.speaker, e.source_urls,
			  e.source_labels, e.article_id, e.key_event""";

	private static final String COLUMNS = "select " + FIELDS + " from publishing.storyline_event e";

	private static final String ORDER = " order by e.happened_on, e.id";

	private final JdbcClient jdbc;

	StorylineEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StorylineEvent> ofStoryline(long storylineId) {
		return jdbc.sql(COLUMNS + " where e.storyline_id = ?" + ORDER).param(storylineId).query(this::event).list();
	}

	/**
	 * The storyline's events recorded after {@code since} whose period (its day, month or
	 * year) ends on or after the UTC day of {@code since}: what may have happened since
	 * then, leaving out history an editor filled in later.
	 */
	List<StorylineEvent> newSince(String storylineSlug, Instant since) {
		return jdbc.sql(COLUMNS + """
				 join publishing.storyline s on s.id = e.storyline_id
				where s.slug = :slug and e.created_at > :since
				  and (e.happened_on + case e.date_precision when 'day' then interval '1 day'
				    when 'month' then interval '1 month' else interval '1 year' end)::date
				    > (cast(:since as timestamptz) at time zone 'UTC')::date""" + ORDER)
			.param("slug", storylineSlug)
			.param("since", utc(since))
			.query(this::event)
			.list();
	}

	/** Every event of every storyline with when it was added, by id, for the export. */
	List<ArchivedArticle.Event> archived() {
		return jdbc.sql("select " + FIELDS + ", e.created_at from publishing.storyline_event e order by e.id")
			.query((rs, row) -> new ArchivedArticle.Event(event(rs, row), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	List<StorylineEvent> ofStoryline(String storylineSlug) {
		return jdbc.sql(COLUMNS + " join publishing.storyline s on s.id = e.storyline_id where s.slug = ?" + ORDER)
			.param(storylineSlug)
			.query(this::event)
			.list();
	}

	Optional<StorylineEvent> event(long storylineId, long eventId) {
		return jdbc.sql(COLUMNS + " where e.storyline_id = ? and e.id = ?")
			.params(storylineId, eventId)
			.query(this::event)
			.optional();
	}

	long insert(long storylineId, CheckedEvent event, Instant now) {
		return jdbc
			.sql("""
					insert into publishing.storyline_event (storyline_id, happened_on, date_precision, summary, quote, speaker,
					  source_urls, source_labels, article_id, key_event, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
					""")
			.params(storylineId, event.date().date(), precision(event.date()), event.summary(), event.quote(),
					event.speaker(), urls(event), labels(event), event.articleId(), event.key(), utc(now))
			.query(Long.class)
			.single();
	}

	boolean update(long storylineId, long eventId, CheckedEvent event) {
		return jdbc.sql("""
				update publishing.storyline_event set happened_on = ?, date_precision = ?, summary = ?, quote = ?,
				  speaker = ?, source_urls = ?, source_labels = ?, article_id = ?, key_event = ?
				where id = ? and storyline_id = ?
				""")
			.params(event.date().date(), precision(event.date()), event.summary(), event.quote(), event.speaker(),
					urls(event), labels(event), event.articleId(), event.key(), eventId, storylineId)
			.update() == 1;
	}

	boolean delete(long storylineId, long eventId) {
		return jdbc.sql("delete from publishing.storyline_event where id = ? and storyline_id = ?")
			.params(eventId, storylineId)
			.update() == 1;
	}

	/** The id of the article with this slug, whatever its status. */
	Optional<Long> articleId(String slug) {
		return jdbc.sql("select id from publishing.article where slug = ?").param(slug).query(Long.class).optional();
	}

	/**
	 * An event covering article {@code articleId}: its slug, its dek or else its title,
	 * its publication day.
	 */
	Optional<EventDraft> coveringDraft(long articleId, Instant now) {
		return jdbc.sql("select slug, title, dek, coalesce(published_at, ?) from publishing.article where id = ?")
			.params(utc(now), articleId)
			.query((rs, row) -> new EventDraft(
					rs.getObject(4, OffsetDateTime.class)
						.withOffsetSameInstant(ZoneOffset.UTC)
						.toLocalDate()
						.toString(),
					rs.getString(3).isBlank() ? rs.getString(2) : rs.getString(3), "", "", "", rs.getString(1), false))
			.optional();
	}

	/**
	 * Whether an event of any storyline names article {@code articleId} as the one that
	 * covers it.
	 */
	boolean covers(long articleId) {
		return jdbc.sql("select exists (select 1 from publishing.storyline_event where article_id = ?)")
			.param(articleId)
			.query(Boolean.class)
			.single();
	}

	/** The slug of the article with this id, whatever its status. */
	Optional<String> articleSlug(long articleId) {
		return jdbc.sql("select slug from publishing.article where id = ?")
			.param(articleId)
			.query(String.class)
			.optional();
	}

	private static String precision(EventDate date) {
		return date.precision().name().toLowerCase(Locale.ROOT);
	}

	private static String[] urls(CheckedEvent event) {
		return event.sources().stream().map(SourceLink::url).toArray(String[]::new);
	}

	private static String[] labels(CheckedEvent event) {
		return event.sources().stream().map(SourceLink::label).toArray(String[]::new);
	}

	private StorylineEvent event(ResultSet rs, int row) throws SQLException {
		String[] urls = strings(rs.getArray("source_urls"));
		String[] labels = strings(rs.getArray("source_labels"));
		List<SourceLink> sources = new ArrayList<>();
		for (int i = 0; i < urls.length; i++) {
			sources.add(new SourceLink(urls[i], labels[i]));
		}
		Long articleId = rs.getObject("article_id", Long.class);
		return new StorylineEvent(rs.getLong("id"), rs.getLong("storyline_id"),
				new EventDate(rs.getObject("happened_on", LocalDate.class),
						EventDate.Precision.valueOf(rs.getString("date_precision").toUpperCase(Locale.ROOT))),
				rs.getString("summary"), rs.getString("quote"), rs.getString("speaker"), sources, articleId,
				rs.getBoolean("key_event"));
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

}
