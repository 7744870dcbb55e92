package org.backstory.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL behind entities, their mentions and their quotes. */
@Repository
class EntityRepository {

	/** A stored quote before its article is looked up. */
	record QuoteRow(long articleId, String text, @Nullable LocalDate saidOn, boolean gated) {
	}

	/** A quote to store: who said it, where in the article, and in which part. */
	record NewQuote(long entityId, String text, @Nullable LocalDate saidOn, boolean gated) {
	}

	private static final String SELECT = """
			select e.id, e.kind, e.slug, e.name, e.bio,
			  coalesce((select array_agg(a.alias order by a.alias) from publishing.entity_alias a
			    where a.entity_id = e.id), '{}')
			from publishing.entity e
			""";

	/** An article's saved text and whether it has a gated part. */
	record Source(HouseText text, boolean gated) {
	}

	private final JdbcClient jdbc;

	EntityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Entity> all() {
		return jdbc.sql(SELECT + " order by lower(e.name), e.id").query(EntityRepository::entity).list();
	}

	Optional<Entity> byId(long id) {
		return jdbc.sql(SELECT + " where e.id = ?").param(id).query(EntityRepository::entity).optional();
	}

	Optional<Entity> bySlug(String slug) {
		return jdbc.sql(SELECT + " where e.slug = ?").param(slug).query(EntityRepository::entity).optional();
	}

	/**
	 * The ids of the entities whose name, aliases (weight A) or bio (weight C) match the
	 * reader's query, best first: a name or alias equal to the whole query, then
	 * {@code ts_rank}, then by name. A publication has hundreds of entities, not
	 * millions, so the vectors are built per query rather than stored.
	 */
	List<Long> matching(String query, int limit) {
		return jdbc.sql("""
				with q as (select %s as query),
				docs as (
				  select e.id, e.name, array_append(array(select lower(al.alias) from publishing.entity_alias al
				      where al.entity_id = e.id), lower(e.name)) as names,
				    setweight(to_tsvector('publishing.search', e.name), 'A')
				    || setweight(to_tsvector('publishing.search', coalesce((select string_agg(al.alias, ' , ')
				      from publishing.entity_alias al where al.entity_id = e.id), '')), 'A')
				    || setweight(to_tsvector('publishing.search', e.bio), 'C') as doc
				  from publishing.entity e)
				select d.id from docs d cross join q where d.doc @@ q.query
				order by lower(:q) = any(d.names) desc, ts_rank(d.doc, q.query) desc, lower(d.name), d.id
				limit :limit""".formatted(ArticleSearchRepository.QUERY))
			.param("q", query)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	long insert(EntityKind kind, String slug, String name, String bio, Instant now) {
		return jdbc.sql(
				"insert into publishing.entity (kind, slug, name, bio, created_at) values (?, ?, ?, ?, ?) returning id")
			.params(kind.code(), slug, name, bio, ArticleCatalogRepository.utc(now))
			.query(Long.class)
			.single();
	}

	void update(long id, EntityKind kind, String slug, String name, String bio) {
		jdbc.sql("update publishing.entity set kind = ?, slug = ?, name = ?, bio = ? where id = ?")
			.params(kind.code(), slug, name, bio, id)
			.update();
	}

	void replaceAliases(long id, List<String> aliases) {
		jdbc.sql("delete from publishing.entity_alias where entity_id = ?").param(id).update();
		for (String alias : aliases) {
			jdbc.sql("insert into publishing.entity_alias (entity_id, alias) values (?, ?)").params(id, alias).update();
		}
	}

	void delete(long id) {
		jdbc.sql("delete from publishing.entity where id = ?").param(id).update();
	}

	/** Every entity's name and aliases, names first, for matching. */
	List<MentionMatcher.Name> names() {
		List<MentionMatcher.Name> names = new ArrayList<>(jdbc.sql("select id, name from publishing.entity order by id")
			.query((rs, row) -> new MentionMatcher.Name(rs.getLong(1), rs.getString(2)))
			.list());
		names.addAll(jdbc.sql("select entity_id, alias from publishing.entity_alias order by entity_id, alias")
			.query((rs, row) -> new MentionMatcher.Name(rs.getLong(1), rs.getString(2)))
			.list());
		return names;
	}

	void replaceMentions(long articleId, Map<Long, Boolean> gatedByEntity, List<NewQuote> quotes) {
		jdbc.sql("delete from publishing.article_mention where article_id = ?").param(articleId).update();
		jdbc.sql("delete from publishing.quote where article_id = ?").param(articleId).update();
		gatedByEntity.forEach((entityId, gated) -> jdbc
			.sql("insert into publishing.article_mention (article_id, entity_id, gated) values (?, ?, ?)")
			.params(articleId, entityId, gated)
			.update());
		int position = 0;
		for (NewQuote quote : quotes) {
			jdbc.sql("""
					insert into publishing.quote (article_id, entity_id, position, text, said_on, gated)
					values (?, ?, ?, ?, ?, ?)""")
				.params(articleId, quote.entityId(), position++, quote.text(), quote.saidOn(), quote.gated())
				.update();
		}
	}

	/**
	 * The live articles whose free part (or whole public text) names the entity, newest
	 * first.
	 */
	List<Long> mentioningArticles(long entityId, int limit, int offset, Instant now) {
		return jdbc
			.sql("""
					select a.id from publishing.article_mention m join publishing.article a on a.id = m.article_id
					where m.entity_id = :entity and not m.gated and %s
					order by a.published_at desc, a.id desc limit :limit offset :offset"""
				.formatted(ArticleCatalogRepository.LIVE))
			.params(Map.of("entity", entityId, "limit", limit, "offset", offset, "now",
					ArticleCatalogRepository.utc(now)))
			.query(Long.class)
			.list();
	}

	/**
	 * For each entity some live article's free part mentions: how many such articles
	 * there are.
	 */
	Map<Long, Integer> mentioningCounts(Instant now) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select m.entity_id, count(*) from publishing.article_mention m join publishing.article a on a.id = m.article_id
						where not m.gated and %s group by m.entity_id"""
					.formatted(ArticleCatalogRepository.LIVE))
			.params(Map.of("now", ArticleCatalogRepository.utc(now)))
			.query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	/**
	 * The entity's quotes in live articles, newest first (an undated quote counts as said
	 * the day it was published).
	 */
	List<QuoteRow> quotes(long entityId, Instant now) {
		return jdbc.sql("""
				select q.article_id, q.text, q.said_on, q.gated from publishing.quote q
				join publishing.article a on a.id = q.article_id
				where q.entity_id = :entity and %s
				order by coalesce(q.said_on, (a.published_at at time zone 'UTC')::date) desc, a.published_at desc,
				  q.position""".formatted(ArticleCatalogRepository.LIVE))
			.params(Map.of("entity", entityId, "now", ArticleCatalogRepository.utc(now)))
			.query((rs, row) -> new QuoteRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBoolean(4)))
			.list();
	}

	/**
	 * The slugs of entities some live article mentions, with the latest such article's
	 * publication time.
	 */
	Map<String, Instant> mentionedSlugs(Instant now) {
		Map<String, Instant> slugs = new LinkedHashMap<>();
		jdbc.sql("""
				select e.slug, max(a.published_at) from publishing.entity e
				join publishing.article_mention m on m.entity_id = e.id join publishing.article a on a.id = m.article_id
				where not m.gated and %s group by e.slug order by e.slug""".formatted(ArticleCatalogRepository.LIVE))
			.params(Map.of("now", ArticleCatalogRepository.utc(now)))
			.query((rs, row) -> slugs.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return slugs;
	}

	Set<Long> rejections(long articleId) {
		return new HashSet<>(jdbc.sql("select entity_id from publishing.article_mention_rejection where article_id = ?")
			.param(articleId)
			.query(Long.class)
			.list());
	}

	/**
	 * The article's mentions the matcher found, confirmed (stored) or rejected by the
	 * editor, by entity name.
	 */
	List<ArticleMention> mentionsOf(long articleId) {
		return jdbc.sql("""
				select e.id, e.slug, e.name, m.gated, true from publishing.article_mention m
				join publishing.entity e on e.id = m.entity_id where m.article_id = :article
				union all
				select e.id, e.slug, e.name, false, false from publishing.article_mention_rejection r
				join publishing.entity e on e.id = r.entity_id where r.article_id = :article
				order by 3, 1""")
			.param("article", articleId)
			.query((rs, row) -> new ArticleMention(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.list();
	}

	Optional<Source> source(long articleId) {
		return jdbc.sql("""
				select body_markdown, background_markdown, now_markdown, visibility <> 'public'
				from publishing.article where id = ?
				""")
			.param(articleId)
			.query((rs, row) -> new Source(new HouseText(rs.getString(1), rs.getString(2), rs.getString(3)),
					rs.getBoolean(4)))
			.optional();
	}

	void reject(long articleId, long entityId) {
		jdbc.sql("""
				insert into publishing.article_mention_rejection (article_id, entity_id) values (?, ?)
				on conflict do nothing""").params(articleId, entityId).update();
	}

	void unreject(long articleId, long entityId) {
		jdbc.sql("delete from publishing.article_mention_rejection where article_id = ? and entity_id = ?")
			.params(articleId, entityId)
			.update();
	}

	/** For each entity, the articles where a mention of it was rejected, ascending. */
	Map<Long, List<Long>> rejectionsByEntity() {
		Map<Long, List<Long>> rejected = new LinkedHashMap<>();
		jdbc.sql(
				"select entity_id, article_id from publishing.article_mention_rejection order by entity_id, article_id")
			.query((rs, row) -> rejected.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return rejected;
	}

	Instant createdAt(long id) {
		return jdbc.sql("select created_at from publishing.entity where id = ?")
			.param(id)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	private static Entity entity(ResultSet rs, int row) throws SQLException {
		String[] aliases = (String[]) rs.getArray(6).getArray();
		return new Entity(rs.getLong(1), EntityKind.ofCode(rs.getString(2)).orElseThrow(), rs.getString(3),
				rs.getString(4), rs.getString(5), List.of(aliases));
	}

}
