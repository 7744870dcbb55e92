package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link BackgroundSuggestions}: the earlier published articles most like
 * the one being written.
 * <p>
 * The written text (title and dek weighted above the body) becomes a tsvector in the
 * {@code publishing.search} configuration. As Lucene's "more like this" does, only
 * telling words make the query: of its first {@value #LOOKED_AT} lexemes (head words
 * first, then the most frequent), those found in at most {@value #RARE_ALWAYS} other
 * articles or one in {@value #RARE_SHARE} (each counted through the GIN indexes), the
 * best {@value #WORDS} by head first, then frequency times rarity
 * ({@code tf * ln(n / df)}), joined with "or". Common words would otherwise decide the
 * rank: {@code ts_rank} knows nothing of how common a word is, so an article sharing five
 * everyday words would outrank one sharing the rare name the story is about. A long body
 * costs no more than a short one. Candidates are the articles matching that query on
 * their stored {@code search_whole} (through the two partial GIN indexes), cut to the
 * best {@value #TEXT_CANDIDATES} by {@code ts_rank}, plus every article sharing a tag, a
 * mentioned entity or the storyline ({@code storyline_id} is indexed). Each scores one
 * point per shared tag, per shared entity and for the same storyline, plus its text rank
 * scaled into 0..1 ({@code rank / (rank + 1)}), so any shared tag or person outweighs
 * text alone and text orders the rest. Only articles on the site, published before the
 * given time; never the article itself.
 */
@Repository
class BackgroundSuggestionRepository {

	static final int WORDS = 30;

	static final int TEXT_CANDIDATES = 50;

	/**
	 * How many of the written text's lexemes (head words first, then the most frequent)
	 * are weighed for the query.
	 */
	static final int LOOKED_AT = 60;

	/**
	 * A lexeme in at most this many articles is always telling enough, however small the
	 * archive.
	 */
	static final int RARE_ALWAYS = 10;

	/**
	 * Otherwise a lexeme in more than one article in this many is too common to say what
	 * an article is about.
	 */
	static final int RARE_SHARE = 20;

	private static final String LIVE_BEFORE = "a.status <> 'draft' and a.on_site and a.published_at < :before";

	private static final String SQL = """
			with doc as (
			  select w.lexeme, 'A' = any(w.weights) as head, coalesce(array_length(w.positions, 1), 0) as tf,
			    ('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery as one
			  from unnest(setweight(to_tsvector('publishing.search', :head), 'A')
			    || to_tsvector('publishing.search', :body)) w
			  order by 2 desc, 3 desc, 1
			  limit %4$d
			), total as (
			  select count(*) as n from publishing.article
			), words as (
			  select d.one from doc d cross join total t
			  cross join lateral (select count(*) as df from publishing.article a
			    where ((a.visibility = 'public' and a.search_whole @@ d.one)
			       or (a.visibility <> 'public' and a.search_whole @@ d.one)) and a.id <> :id) c
			  where c.df <= greatest(%5$d, t.n / %6$d)
			  order by d.head desc, d.tf * ln((t.n + 1.0) / (c.df + 1)) desc, d.lexeme
			  limit %1$d
			), q as (
			  select (select string_agg(one::text, ' | ') from words)::tsquery as q
			), texted as (
			  select a.id, ts_rank(a.search_whole, q.q) as text_rank from publishing.article a, q
			  where q.q is not null
			    and ((a.visibility = 'public' and a.search_whole @@ q.q) or (a.visibility <> 'public' and a.search_whole @@ q.q))
			    and %2$s and a.id <> :id
			  order by text_rank desc, a.published_at desc, a.id desc limit %3$d
			), tagged as (
			  select at.article_id as id, count(*) as n from publishing.article_tag at
			  join publishing.tag t on t.id = at.tag_id
			  where t.slug in (:tags) group by at.article_id
			), named as (
			  select m.article_id as id, count(*) as n from publishing.article_mention m
			  where m.entity_id in (:entities) group by m.article_id
			)
			select a.id, coalesce(tg.n, 0) as tags, coalesce(nm.n, 0) as people, tx.id is not null as text_match
			from publishing.article a
			left join texted tx on tx.id = a.id
			left join tagged tg on tg.id = a.id
			left join named nm on nm.id = a.id
			where (tx.id is not null or tg.id is not null or nm.id is not null or a.storyline_id = :storyline)
			  and %2$s and a.id <> :id
			order by coalesce(tg.n, 0) + coalesce(nm.n, 0)
			    + case when a.storyline_id = :storyline then 1 else 0 end
			    + coalesce(tx.text_rank / (tx.text_rank + 1), 0) desc,
			  a.published_at desc, a.id desc
			limit :limit
			"""
		.formatted(WORDS, LIVE_BEFORE, TEXT_CANDIDATES, LOOKED_AT, RARE_ALWAYS, RARE_SHARE);

	/**
	 * A suggested article's id and why: shared tags, shared entities, whether its text
	 * matched.
	 */
	record Match(long articleId, int sharedTags, int sharedPeople, boolean textMatch) {
	}

	private final JdbcClient jdbc;

	BackgroundSuggestionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} articles like the written one, best first.
	 * @param articleId the written article's id, or -1 for a new one
	 * @param storylineId its storyline's id, or -1 for none
	 */
	List<Match> similar(long articleId, long storylineId, String head, String body, Collection<String> tagSlugs,
			Collection<Long> entityIds, Instant before, int limit) {
		return jdbc.sql(SQL)
			.param("head", head)
			.param("body", body)
			.param("id", articleId)
			.param("storyline", storylineId)
			.param("tags", tagSlugs.isEmpty() ? List.of("") : tagSlugs)
			.param("entities", entityIds.isEmpty() ? List.of(-1L) : entityIds)
			.param("before", utc(before))
			.param("limit", limit)
			.query((rs, row) -> new Match(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
			.list();
	}

	/** The saved article as the editor's form would hold it. */
	Optional<BackgroundRequest> saved(long articleId) {
		return jdbc.sql("""
				select a.title, a.dek, a.body_markdown, s.slug,
				  array(select t.slug from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
				        where at.article_id = a.id order by at.position) as tags,
				  a.background_markdown, a.now_markdown
				from publishing.article a left join publishing.storyline s on s.id = a.storyline_id where a.id = ?""")
			.param(articleId)
			.query((rs, row) -> new BackgroundRequest(articleId, rs.getString(4), rs.getString(1), rs.getString(2),
					new HouseText(rs.getString(3), rs.getString(6), rs.getString(7)),
					List.of((String[]) rs.getArray(5).getArray())))
			.optional();
	}

	/**
	 * When the article went or goes live, or empty for a draft (and for no such article).
	 */
	Optional<Instant> publishedAt(long articleId) {
		return jdbc.sql("select published_at from publishing.article where id = ? and status <> 'draft'")
			.param(articleId)
			.query((rs, row) -> ArticleCatalogRepository.instant(rs, "published_at"))
			.optional();
	}

	/** The id of the storyline with this slug. */
	Optional<Long> storylineId(@Nullable String slug) {
		if (slug == null || slug.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select id from publishing.storyline where slug = ?").param(slug).query(Long.class).optional();
	}

}
