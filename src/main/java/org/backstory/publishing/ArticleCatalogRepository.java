package org.backstory.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArticleCatalog}. Every query sees only published articles on the
 * site (not a draft, not email only, and {@code published_at <= now}), and a list of
 * articles costs three queries whatever its length: the articles, then their authors,
 * then their tags.
 */
@Component
class ArticleCatalogRepository {

	private static final Instant EVERYTHING_OUT = Instant.parse("9999-12-31T00:00:00Z");

	static final String LIVE = "a.status <> 'draft' and a.on_site and a.published_at <= :now";

	// The part number counts only the storyline's articles published on the site, so
	// drafts and emailed-only
	// articles never leave gaps; an emailed-only article being sent counts itself.
	private static final String SUMMARY_COLUMNS = """
			a.id, a.slug, a.title, a.dek, a.cover_image_url, coalesce(a.published_at, :now) as published_at, a.updated_at, a.visibility,
			a.visibility_tiers, a.on_site, s.slug as storyline_slug, s.title as storyline_title,
			(select count(*) from publishing.article p where p.storyline_id = a.storyline_id
			  and p.status <> 'draft' and (p.on_site or p.id = a.id) and p.published_at <= :now
			  and p.storyline_position <= a.storyline_position) as storyline_part
			""";

	private static final String FROM = """
			from publishing.article a left join publishing.storyline s on s.id = a.storyline_id
			""";

	private final JdbcClient jdbc;

	private final BylineRepository bylineRepository;

	ArticleCatalogRepository(JdbcClient jdbc, BylineRepository bylineRepository) {
		this.jdbc = jdbc;
		this.bylineRepository = bylineRepository;
	}

	Optional<Article> article(String slug, Instant now) {
		return articles("where a.slug = :slug and " + LIVE, "", Map.of("slug", slug), now).stream().findFirst();
	}

	Optional<String> currentSlugOfAlias(String oldSlug, Instant now) {
		return jdbc
			.sql("select a.slug from publishing.slug_alias al join publishing.article a on a.id = al.article_id "
					+ "where al.slug = :slug and " + LIVE)
			.param("slug", oldSlug)
			.param("now", utc(now))
			.query(String.class)
			.optional();
	}

	List<Article> latestArticles(int limit, Instant now) {
		return articles("where " + LIVE, "order by a.published_at desc, a.id desc limit :limit", Map.of("limit", limit),
				now);
	}

	List<ArticleSummary> latest(int limit, int offset, Instant now) {
		return summaries("where " + LIVE, "order by a.published_at desc, a.id desc limit :limit offset :offset",
				Map.of("limit", limit, "offset", offset), now);
	}

	List<ArticleSummary> byTag(String tagSlug, int limit, int offset, Instant now) {
		return summaries("""
				where %s and exists (select 1 from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
				  where at.article_id = a.id and t.slug = :slug)
				""".formatted(LIVE), "order by a.published_at desc, a.id desc limit :limit offset :offset",
				Map.of("slug", tagSlug, "limit", limit, "offset", offset), now);
	}

	List<ArticleSummary> byAuthor(String authorSlug, int limit, int offset, Instant now) {
		return summaries("""
				where %s and exists (select 1 from publishing.article_author aa join publishing.author au
				  on au.id = aa.author_id where aa.article_id = a.id and au.slug = :slug)
				""".formatted(LIVE), "order by a.published_at desc, a.id desc limit :limit offset :offset",
				Map.of("slug", authorSlug, "limit", limit, "offset", offset), now);
	}

	List<ArticleSummary> inStoryline(String storylineSlug, Instant now) {
		return summaries("where s.slug = :slug and " + LIVE, "order by a.storyline_position",
				Map.of("slug", storylineSlug), now);
	}

	/**
	 * The published articles with these ids, in the order given (ids of articles not
	 * published are skipped).
	 */
	List<ArticleSummary> summariesInOrder(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ArticleSummary> byId = summaries("where a.id in (:ids) and " + LIVE, "", Map.of("ids", ids), now)
			.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	List<ArticleSummary> allPublished(Instant now) {
		return summaries("where " + LIVE, "order by a.published_at desc, a.id desc", Map.of(), now);
	}

	List<Article> find(ArticleFilter filter, ArticleOrder order, int limit, int offset, Instant now) {
		ArticleFilterSql condition = new ArticleFilterSql(filter);
		Map<String, Object> params = new HashMap<>(condition.params());
		params.put("limit", limit);
		params.put("offset", offset);
		return articles("where " + LIVE + " and (" + condition.condition() + ")",
				order.sql() + " limit :limit offset :offset", params, now);
	}

	int count(ArticleFilter filter, Instant now) {
		ArticleFilterSql condition = new ArticleFilterSql(filter);
		return jdbc
			.sql("select count(*) from publishing.article a where " + LIVE + " and (" + condition.condition() + ")")
			.params(condition.params())
			.param("now", utc(now))
			.query(Integer.class)
			.single();
	}

	List<PublishedCount<Tag>> tagsWithCounts(Instant now) {
		return jdbc.sql("""
				select t.id, t.slug, t.name, t.description, (select count(*) from publishing.article_tag at
				  join publishing.article a on a.id = at.article_id where at.tag_id = t.id and %s)
				from publishing.tag t order by lower(t.name), t.id
				""".formatted(LIVE))
			.param("now", utc(now))
			.query((rs, row) -> new PublishedCount<>(
					new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5)))
			.list();
	}

	List<PublishedCount<Author>> authorsWithCounts(Instant now) {
		return jdbc.sql("""
				select au.id, au.slug, au.name, au.bio, au.member_id, (select count(*) from publishing.article_author aa
				  join publishing.article a on a.id = aa.article_id where aa.author_id = au.id and %s)
				from publishing.author au order by lower(au.name), au.id
				""".formatted(LIVE))
			.param("now", utc(now))
			.query((rs,
					row) -> new PublishedCount<>(new Author(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getObject(5, Long.class)), rs.getInt(6)))
			.list();
	}

	List<PublishedCount<Storyline>> storylinesWithCounts(Instant now) {
		return jdbc.sql("""
				select s.id, s.slug, s.title, s.description, (select count(*) from publishing.article a
				  where a.storyline_id = s.id and %s)
				from publishing.storyline s order by lower(s.title), s.id
				""".formatted(LIVE))
			.param("now", utc(now))
			.query((rs, row) -> new PublishedCount<>(
					new Storyline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5)))
			.list();
	}

	/**
	 * The earliest publication time after {@code now}: when the published set next
	 * changes by itself.
	 */
	Optional<Instant> nextScheduled(Instant now) {
		return jdbc
			.sql("""
					select published_at from publishing.article a where a.status <> 'draft' and a.on_site and a.published_at > :now
					order by a.published_at limit 1
					""")
			.param("now", utc(now))
			.query((rs, row) -> instant(rs, "published_at"))
			.optional();
	}

	Optional<Author> author(String slug) {
		return jdbc.sql("select id, slug, name, bio, member_id from publishing.author where slug = ?")
			.param(slug)
			.query((rs, row) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class)))
			.optional();
	}

	Optional<Tag> tag(String slug) {
		return jdbc.sql("select id, slug, name, description from publishing.tag where slug = ?")
			.param(slug)
			.query((rs, row) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	Optional<Storyline> storyline(String slug) {
		return jdbc.sql("select id, slug, title, description from publishing.storyline where slug = ?")
			.param(slug)
			.query((rs, row) -> new Storyline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	Optional<String> tagMovedTo(String oldSlug) {
		return jdbc.sql(
				"select t.slug from publishing.tag_alias al join publishing.tag t on t.id = al.tag_id where al.slug = ?")
			.param(oldSlug)
			.query(String.class)
			.optional();
	}

	Optional<String> storylineMovedTo(String oldSlug) {
		return jdbc.sql("""
				select s.slug from publishing.storyline_alias al join publishing.storyline s on s.id = al.storyline_id
				where al.slug = ?
				""").param(oldSlug).query(String.class).optional();
	}

	/**
	 * The article whatever its status, for staff previews; a draft counts as published
	 * {@code now}, and storyline parts are counted as if every scheduled article were
	 * out.
	 */
	Optional<Article> anyStatus(long id, Instant now) {
		return articles("where a.id = :id", "", Map.of("id", id), now).stream().findFirst();
	}

	/**
	 * The article if it is not a draft, whether or not it is on the site; storyline parts
	 * are counted as if every scheduled article were out.
	 */
	Optional<Article> forSending(long id) {
		return articles("where a.id = :id and a.status <> 'draft'", "", Map.of("id", id), EVERYTHING_OUT).stream()
			.findFirst();
	}

	private List<Article> articles(String where, String order, Map<String, Object> params, Instant now) {
		List<CatalogRow> rows = rows("select " + SUMMARY_COLUMNS
				+ ", a.preview_html, a.gated_html, a.seo_title, a.seo_description, a.social_image_url, a.meter_exempt "
				+ FROM + where + " " + order, params, now, true);
		Bylines bylines = bylineRepository.of(rows.stream().map(CatalogRow::id).toList());
		return rows.stream()
			.map(r -> new Article(r.id(), r.slug(), r.title(), r.dek(), bylines.authors(r.id()), bylines.tags(r.id()),
					r.storyline(), r.coverImageUrl(), r.publishedAt(), r.updatedAt(), r.visibility(), r.previewHtml(),
					GatedBody.of(r.gatedHtml()), r.onSite(), r.seo(), r.meterExempt()))
			.toList();
	}

	private List<ArticleSummary> summaries(String where, String order, Map<String, Object> params, Instant now) {
		List<CatalogRow> rows = rows("select " + SUMMARY_COLUMNS + FROM + where + " " + order, params, now, false);
		Bylines bylines = bylineRepository.of(rows.stream().map(CatalogRow::id).toList());
		return rows.stream()
			.map(r -> new ArticleSummary(r.id(), r.slug(), r.title(), r.dek(), bylines.authors(r.id()),
					bylines.tags(r.id()), r.storyline(), r.coverImageUrl(), r.publishedAt(), r.updatedAt(),
					r.visibility()))
			.toList();
	}

	private List<CatalogRow> rows(String sql, Map<String, Object> params, Instant now, boolean withBody) {
		return jdbc.sql(sql)
			.params(params)
			.param("now", utc(now))
			.query((rs, rowNum) -> CatalogRow.of(rs, withBody))
			.list();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
