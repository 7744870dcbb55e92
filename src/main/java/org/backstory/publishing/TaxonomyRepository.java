package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link Taxonomy}; it validates first and runs each change in one
 * transaction.
 */
@Repository
class TaxonomyRepository {

	private final JdbcClient jdbc;

	TaxonomyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TagUsage> tags() {
		return jdbc.sql("""
				select t.id, t.slug, t.name, t.description,
				  (select count(*) from publishing.article_tag at where at.tag_id = t.id)
				from publishing.tag t order by lower(t.name), t.id
				""").query(TaxonomyRepository::tagUsage).list();
	}

	Optional<TagUsage> tag(long id, boolean lock) {
		return jdbc.sql("""
				select t.id, t.slug, t.name, t.description,
				  (select count(*) from publishing.article_tag at where at.tag_id = t.id)
				from publishing.tag t where t.id = ?""" + (lock ? " for update" : ""))
			.param(id)
			.query(TaxonomyRepository::tagUsage)
			.optional();
	}

	boolean tagSlugTaken(String slug, long exceptId) {
		return jdbc.sql("select exists (select 1 from publishing.tag where slug = ? and id <> ?)")
			.params(slug, exceptId)
			.query(Boolean.class)
			.single();
	}

	long insertTag(String slug, String name, String description, Instant now) {
		return jdbc
			.sql("insert into publishing.tag (slug, name, description, created_at) values (?, ?, ?, ?) returning id")
			.params(slug, name, description, utc(now))
			.query(Long.class)
			.single();
	}

	void updateTag(long id, String slug, String name, String description) {
		jdbc.sql("update publishing.tag set slug = ?, name = ?, description = ? where id = ?")
			.params(slug, name, description, id)
			.update();
	}

	private static TagUsage tagUsage(ResultSet rs, int row) throws SQLException {
		return new TagUsage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
	}

	/**
	 * Gives A's articles tag B (keeping A's place in each article's tag order), then
	 * points A's old slugs at B.
	 */
	void moveTagOnto(long fromId, long intoId) {
		jdbc.sql("""
				insert into publishing.article_tag (article_id, tag_id, position)
				select article_id, :into, position from publishing.article_tag where tag_id = :from
				on conflict (article_id, tag_id) do nothing
				""").param("from", fromId).param("into", intoId).update();
		jdbc.sql("delete from publishing.article_tag where tag_id = ?").param(fromId).update();
		jdbc.sql("update publishing.tag_alias set tag_id = ? where tag_id = ?").params(intoId, fromId).update();
	}

	void deleteTag(long id) {
		jdbc.sql("delete from publishing.tag where id = ?").param(id).update();
	}

	/** {@code /tag/{slug}} now leads to the tag {@code tagId}. */
	void aliasTag(String slug, long tagId, Instant now) {
		jdbc.sql("""
				insert into publishing.tag_alias (slug, tag_id, created_at) values (?, ?, ?)
				on conflict (slug) do update set tag_id = excluded.tag_id
				""").params(slug, tagId, utc(now)).update();
	}

	/** A slug a tag now uses is no longer an alias. */
	void releaseTagAlias(String slug) {
		jdbc.sql("delete from publishing.tag_alias where slug = ?").param(slug).update();
	}

	List<StorylineUsage> storylines() {
		return jdbc.sql(STORYLINE_USAGE + " order by lower(s.title), s.id")
			.query((rs, row) -> storylineUsage(rs))
			.list();
	}

	Optional<StorylineUsage> storyline(long id, boolean lock) {
		return jdbc.sql(STORYLINE_USAGE + " where s.id = ?" + (lock ? " for update" : ""))
			.param(id)
			.query((rs, row) -> storylineUsage(rs))
			.optional();
	}

	private static final String STORYLINE_USAGE = """
			select s.id, s.slug, s.title, s.description,
			  (select count(*) from publishing.article a where a.storyline_id = s.id)
			from publishing.storyline s""";

	private static StorylineUsage storylineUsage(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StorylineUsage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
	}

	boolean storylineSlugTaken(String slug, long exceptId) {
		return jdbc.sql("select exists (select 1 from publishing.storyline where slug = ? and id <> ?)")
			.params(slug, exceptId)
			.query(Boolean.class)
			.single();
	}

	long insertStoryline(String slug, String title, String description, Instant now) {
		return jdbc.sql("""
				insert into publishing.storyline (slug, title, description, created_at) values (?, ?, ?, ?) returning id
				""").params(slug, title, description, utc(now)).query(Long.class).single();
	}

	void updateStoryline(long id, String slug, String title, String description) {
		jdbc.sql("update publishing.storyline set slug = ?, title = ?, description = ? where id = ?")
			.params(slug, title, description, id)
			.update();
	}

	List<StorylinePart> parts(long storylineId) {
		return jdbc.sql("""
				select id, slug, title, status, storyline_position from publishing.article
				where storyline_id = ? order by storyline_position
				""")
			.param(storylineId)
			.query((rs, row) -> new StorylinePart(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.list();
	}

	/**
	 * Numbers the articles 1, 2, 3... in the given order. Positions are unique per
	 * storyline and checked row by row, so they are first moved out of the way (each
	 * above the current largest), then set, in the caller's transaction.
	 */
	void renumber(long storylineId, List<Long> articleIds) {
		jdbc.sql("""
				update publishing.article set storyline_position = storyline_position
				  + (select max(storyline_position) from publishing.article where storyline_id = :id)
				where storyline_id = :id
				""").param("id", storylineId).update();
		for (int i = 0; i < articleIds.size(); i++) {
			jdbc.sql("update publishing.article set storyline_position = ? where id = ? and storyline_id = ?")
				.params(i + 1, articleIds.get(i), storylineId)
				.update();
		}
	}

	/**
	 * Moves every article of storyline A after those of storyline B, in A's order, and
	 * A's events and old slugs to B; renumber B afterwards.
	 */
	void moveArticlesOnto(long fromId, long intoId) {
		jdbc.sql("""
				update publishing.article set storyline_id = :into, storyline_position = storyline_position
				  + coalesce((select max(storyline_position) from publishing.article where storyline_id = :into), 0)
				where storyline_id = :from
				""").param("from", fromId).param("into", intoId).update();
		jdbc.sql("update publishing.storyline_alias set storyline_id = ? where storyline_id = ?")
			.params(intoId, fromId)
			.update();
		jdbc.sql("update publishing.storyline_event set storyline_id = ? where storyline_id = ?")
			.params(intoId, fromId)
			.update();
	}

	void deleteStoryline(long id) {
		jdbc.sql("delete from publishing.storyline where id = ?").param(id).update();
	}

	void aliasStoryline(String slug, long storylineId, Instant now) {
		jdbc.sql("""
				insert into publishing.storyline_alias (slug, storyline_id, created_at) values (?, ?, ?)
				on conflict (slug) do update set storyline_id = excluded.storyline_id
				""").params(slug, storylineId, utc(now)).update();
	}

	void releaseStorylineAlias(String slug) {
		jdbc.sql("delete from publishing.storyline_alias where slug = ?").param(slug).update();
	}

}
