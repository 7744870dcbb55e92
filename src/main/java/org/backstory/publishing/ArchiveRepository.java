package org.backstory.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads every article, author, tag and storyline for the export, in id order, articles a
 * chunk at a time.
 */
@Repository
class ArchiveRepository {

	private final JdbcClient jdbc;

	ArchiveRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code size} articles with ids above {@code afterId}, by id. */
	List<ArchivedArticle> articlesAfter(long afterId, int size) {
		List<Row> rows = jdbc
			.sql("""
					select id, slug, title, dek, body_markdown, background_markdown, now_markdown, preview_html, gated_html, status, published_at, on_site,
					  visibility, visibility_tiers, cover_image_url, seo_title, seo_description, social_image_url,
					  storyline_id, storyline_position, author_may_publish, meter_exempt, created_at, updated_at
					from publishing.article where id > ? order by id limit ?
					""")
			.params(afterId, size)
			.query((rs, n) -> row(rs))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.stream().map(row -> row.id).toArray(Long[]::new);
		Map<Long, List<Long>> authors = related("select article_id, author_id from publishing.article_author"
				+ " where article_id = any(?) order by article_id, position, author_id", ids);
		Map<Long, List<Long>> tags = related("select article_id, tag_id from publishing.article_tag"
				+ " where article_id = any(?) order by article_id, position, tag_id", ids);
		Map<Long, List<String>> aliases = aliases("select article_id, slug from publishing.slug_alias"
				+ " where article_id = any(?) order by article_id, slug", ids);
		return rows.stream()
			.map(row -> row.article(authors.getOrDefault(row.id, List.of()), tags.getOrDefault(row.id, List.of()),
					aliases.getOrDefault(row.id, List.of())))
			.toList();
	}

	List<ArchivedArticle.Author> authors() {
		return jdbc.sql("select id, slug, name, bio, member_id, created_at from publishing.author order by id")
			.query((rs, n) -> new ArchivedArticle.Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("bio"), rs.getObject("member_id", Long.class), instant(rs, "created_at")))
			.list();
	}

	List<ArchivedArticle.Tag> tags() {
		Map<Long, List<String>> aliases = aliases("select tag_id, slug from publishing.tag_alias order by tag_id, slug",
				null);
		return jdbc.sql("select id, slug, name, description, created_at from publishing.tag order by id")
			.query((rs, n) -> new ArchivedArticle.Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description"), aliases.getOrDefault(rs.getLong("id"), List.of()),
					instant(rs, "created_at")))
			.list();
	}

	List<ArchivedArticle.Storyline> storylines() {
		Map<Long, List<String>> aliases = aliases(
				"select storyline_id, slug from publishing.storyline_alias order by storyline_id, slug", null);
		return jdbc.sql("select id, slug, title, description, created_at from publishing.storyline order by id")
			.query((rs, n) -> new ArchivedArticle.Storyline(rs.getLong("id"), rs.getString("slug"),
					rs.getString("title"), rs.getString("description"),
					aliases.getOrDefault(rs.getLong("id"), List.of()), instant(rs, "created_at")))
			.list();
	}

	private Map<Long, List<Long>> related(String sql, Long[] ids) {
		Map<Long, List<Long>> related = new HashMap<>();
		jdbc.sql(sql).param(ids).query((ResultSet rs) -> {
			related.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
		});
		return related;
	}

	private Map<Long, List<String>> aliases(String sql, Long @Nullable [] ids) {
		Map<Long, List<String>> aliases = new HashMap<>();
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		(ids == null ? statement : statement.param(ids)).query((ResultSet rs) -> {
			aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
		});
		return aliases;
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("dek"),
				new HouseText(rs.getString("body_markdown"), rs.getString("background_markdown"),
						rs.getString("now_markdown")),
				rs.getString("preview_html"), rs.getString("gated_html"), rs.getString("status"),
				instantOrNull(rs, "published_at"), rs.getBoolean("on_site"),
				new Visibility(Visibility.Level.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
						Set.of((String[]) rs.getArray("visibility_tiers").getArray())),
				rs.getString("cover_image_url"),
				new ArticleSeo(rs.getString("seo_title"), rs.getString("seo_description"),
						rs.getString("social_image_url")),
				rs.getObject("storyline_id", Long.class), rs.getObject("storyline_position", Integer.class),
				rs.getBoolean("author_may_publish"), rs.getBoolean("meter_exempt"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private record Row(long id, String slug, String title, String dek, HouseText markdown, String previewHtml,
			String gatedHtml, String status, @Nullable Instant publishedAt, boolean onSite, Visibility visibility,
			@Nullable String coverImageUrl, ArticleSeo seo, @Nullable Long storylineId,
			@Nullable Integer storylinePosition, boolean authorMayPublish, boolean meterExempt, Instant createdAt,
			Instant updatedAt) {

		ArchivedArticle article(List<Long> authorIds, List<Long> tagIds, List<String> aliases) {
			return new ArchivedArticle(id, slug, title, dek, markdown, previewHtml, GatedBody.of(gatedHtml), status,
					publishedAt, onSite, visibility, coverImageUrl, seo, storylineId, storylinePosition,
					authorMayPublish, meterExempt, authorIds, tagIds, aliases, createdAt, updatedAt);
		}

	}

}
