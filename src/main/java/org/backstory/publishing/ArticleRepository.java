package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The article rows behind {@link ArticleEditor} and {@link ArticlePublisher}: content,
 * bylines, status and publication time. Callers validate first and run inside their
 * transaction.
 */
@Component
class ArticleRepository {

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String STATUS_LINE = """
			select id, slug, title, status, published_at, on_site, visibility, visibility_tiers, preview_capped
			from publishing.article""";

	/** An existing article's current slug and whether it is a draft. */
	record Current(long id, String slug, boolean draft) {
	}

	/** Everything {@code save} writes to the article row. */
	record Content(ArticleDraft draft, RenderedBody body, @Nullable Long storylineId, @Nullable Integer position) {
	}

	Map<String, Long> authorIds(List<String> slugs) {
		return idsBySlug("select slug, id from publishing.author where slug in (:slugs)", slugs);
	}

	Map<String, Long> tagIds(List<String> slugs) {
		return idsBySlug("select slug, id from publishing.tag where slug in (:slugs)", slugs);
	}

	List<ArticleStatusLine> latest(int limit) {
		return jdbc.sql(STATUS_LINE + " order by updated_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, row) -> statusLine(rs))
			.list();
	}

	Optional<ArticleStatusLine> statusOf(long id) {
		return jdbc.sql(STATUS_LINE + " where id = :id").param("id", id).query((rs, row) -> statusLine(rs)).optional();
	}

	private static ArticleStatusLine statusLine(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("published_at");
		return new ArticleStatusLine(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
				rs.getString("status"), at == null ? null : at.toInstant(), rs.getBoolean("on_site"),
				new Visibility(Visibility.Level.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
						Set.of((String[]) rs.getArray("visibility_tiers").getArray())),
				rs.getBoolean("preview_capped"));
	}

	Optional<Long> storylineId(String slug) {
		return jdbc.sql("select id from publishing.storyline where slug = ?").param(slug).query(Long.class).optional();
	}

	Optional<Long> slugOwner(String slug) {
		return jdbc.sql("select id from publishing.article where slug = ?").param(slug).query(Long.class).optional();
	}

	Optional<Current> lock(long id) {
		return jdbc.sql("select id, slug, status from publishing.article where id = ? for update")
			.param(id)
			.query((rs, row) -> new Current(rs.getLong(1), rs.getString(2), "draft".equals(rs.getString(3))))
			.optional();
	}

	int nextPosition(long storylineId, long exceptArticle) {
		return jdbc.sql("""
				select coalesce(max(storyline_position), 0) + 1 from publishing.article
				where storyline_id = ? and id <> ?
				""").params(storylineId, exceptArticle).query(Integer.class).single();
	}

	Optional<String> storylinePartOwner(long storylineId, int position, long exceptArticle) {
		return jdbc.sql("""
				select slug from publishing.article where storyline_id = ? and storyline_position = ? and id <> ?
				""").params(storylineId, position, exceptArticle).query(String.class).optional();
	}

	long insertArticle(Content content, Instant now) {
		return contentParams(
				jdbc.sql(
						"""
								insert into publishing.article (slug, title, dek, body_markdown, background_markdown, now_markdown,
								  preview_html, gated_html, preview_capped,
								  cover_image_url, status, visibility, visibility_tiers, storyline_id, storyline_position, seo_title,
								  seo_description, social_image_url, meter_exempt, created_at, updated_at)
								values (:slug, :title, :dek, :body, :background, :nowPart, :preview, :gated, :capped, :cover, 'draft', :visibility,
								  cast(:tiers as text[]), :storyline, :position, :seoTitle, :seoDescription, :socialImage, :meterExempt, :now, :now)
								returning id
								"""),
				content, now)
			.query(Long.class)
			.single();
	}

	void updateArticle(long id, Content content, Instant now) {
		contentParams(jdbc.sql("""
				update publishing.article set slug = :slug, title = :title, dek = :dek, body_markdown = :body,
				  background_markdown = :background, now_markdown = :nowPart,
				  preview_html = :preview, gated_html = :gated, preview_capped = :capped, cover_image_url = :cover,
				  visibility = :visibility,
				  visibility_tiers = cast(:tiers as text[]), storyline_id = :storyline, storyline_position = :position,
				  seo_title = :seoTitle, seo_description = :seoDescription, social_image_url = :socialImage,
				  meter_exempt = :meterExempt, version = version + 1, updated_at = :now
				where id = :id
				"""), content, now).param("id", id).update();
	}

	void replaceBylines(long articleId, List<Long> authorIds, List<Long> tagIds) {
		jdbc.sql("delete from publishing.article_author where article_id = ?").param(articleId).update();
		jdbc.sql("delete from publishing.article_tag where article_id = ?").param(articleId).update();
		for (int i = 0; i < authorIds.size(); i++) {
			jdbc.sql("insert into publishing.article_author (article_id, author_id, position) values (?, ?, ?)")
				.params(articleId, authorIds.get(i), i + 1)
				.update();
		}
		for (int i = 0; i < tagIds.size(); i++) {
			jdbc.sql("insert into publishing.article_tag (article_id, tag_id, position) values (?, ?, ?)")
				.params(articleId, tagIds.get(i), i + 1)
				.update();
		}
	}

	/**
	 * Deletes the article; its bylines, tags, old slugs, revisions and presence rows go
	 * with it (cascade).
	 */
	void delete(long id) {
		jdbc.sql("delete from publishing.article where id = ?").param(id).update();
	}

	/**
	 * Edits made while an article was a draft are not updates to what readers saw, so a
	 * draft published with an earlier date (an import, a backdated piece) counts as last
	 * updated when it was published.
	 */
	void setPublication(long id, String status, @Nullable Instant publishedAt, boolean onSite) {
		int updated = jdbc.sql("""
				update publishing.article
				set status = :status, published_at = :at, on_site = :onSite,
				    updated_at = case when status = 'draft' and :at < updated_at then :at else updated_at end
				where id = :id
				""")
			.param("status", status)
			.param("at", publishedAt == null ? null : utc(publishedAt))
			.param("onSite", onSite)
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new InvalidArticleException("There is no article with id " + id + ".");
		}
	}

	/**
	 * The article's status as readers see it at {@code now}: {@code draft},
	 * {@code scheduled}, {@code sent} (email only) or {@code published}.
	 */
	String status(long id, Instant now) {
		return jdbc.sql("""
				select case when status = 'draft' then 'draft' when published_at > ? then 'scheduled'
				            when not on_site then 'sent' else 'published' end
				from publishing.article where id = ?
				""").params(utc(now), id).query(String.class).single();
	}

	/**
	 * Whether the article is on the site at {@code now}: published, its time come, not
	 * email only.
	 */
	boolean live(long id, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from publishing.article
				               where id = ? and status <> 'draft' and on_site and published_at <= ?)
				""").params(id, utc(now)).query(Boolean.class).single();
	}

	void setSlug(long id, String slug, Instant now) {
		jdbc.sql("update publishing.article set slug = ?, updated_at = ? where id = ?")
			.params(slug, utc(now), id)
			.update();
	}

	private JdbcClient.StatementSpec contentParams(JdbcClient.StatementSpec statement, Content content, Instant now) {
		ArticleDraft draft = content.draft();
		return statement.param("slug", draft.slug())
			.param("title", EditorialRules.plain(draft.title()))
			.param("dek", EditorialRules.plain(draft.dek()))
			.param("body", EditorialRules.withoutControls(draft.bodyMarkdown()))
			.param("background", EditorialRules.withoutControls(draft.backgroundMarkdown()))
			.param("nowPart", EditorialRules.withoutControls(draft.nowMarkdown()))
			.param("preview", content.body().previewHtml())
			.param("gated", content.body().gatedHtml())
			.param("capped", content.body().previewCapped())
			.param("cover", draft.coverImageUrl())
			.param("visibility", draft.visibility().level().name().toLowerCase(Locale.ROOT))
			.param("tiers", draft.visibility().tiers().stream().sorted().toArray(String[]::new))
			.param("storyline", content.storylineId())
			.param("position", content.position())
			.param("seoTitle", EditorialRules.plain(draft.seo().title()))
			.param("seoDescription", EditorialRules.plain(draft.seo().description()))
			.param("socialImage", draft.seo().socialImageUrl())
			.param("meterExempt", draft.meterExempt())
			.param("now", utc(now));
	}

	private Map<String, Long> idsBySlug(String sql, List<String> slugs) {
		Map<String, Long> ids = new HashMap<>();
		if (!slugs.isEmpty()) {
			jdbc.sql(sql).param("slugs", slugs).query(rs -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		}
		return ids;
	}

}
