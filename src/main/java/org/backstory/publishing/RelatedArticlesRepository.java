package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArticleCatalog#related}: one query over three candidate sets,
 * each found through an index:
 * <ol>
 * <li>the other published parts of the article's storyline ({@code storyline_id} is
 * indexed);</li>
 * <li>articles sharing a tag with it, counted per article
 * ({@code article_tag_tag_idx});</li>
 * <li>articles whose head (title, dek and tag names) holds a word of its head
 * ({@code article_search_head_ix}), ranked by {@code ts_rank} and cut to the limit, as a
 * common word can make this set large.</li>
 * </ol>
 * The union is ordered by storyline, shared tags, rank and date, and cut to the limit.
 * Cutting the third set early loses nothing: it only supplies articles that share neither
 * storyline nor tag, which rank among themselves by the same rank and date. Text
 * similarity reads only {@code search_head}, never a vector with article text: the head
 * holds nothing a reader cannot see on any list, so a related list can never reveal a
 * match in an article's gated half. (The free preview is left out too: matching it would
 * mean reading each candidate's large vector.) Ties go to the newest.
 */
@Component
class RelatedArticlesRepository {

	private static final String LIVE = "a.status <> 'draft' and a.on_site and a.published_at <= :now";

	/**
	 * The source's head as "any of its words": each lexeme quoted for tsquery input
	 * (backslash and quote escaped), so the cast parses it as the stored lexeme without
	 * stemming it again.
	 */
	private static final String ANY_HEAD_WORD = """
			(select string_agg('''' || replace(replace(w, '\\', '\\\\'), '''', '''''') || '''', ' | ')
			 from unnest(tsvector_to_array(s.search_head)) w)::tsquery""";

	private static final String SQL = """
			with src as (
			  select s.id, s.storyline_id, %1$s as q from publishing.article s where s.id = :id
			), shared as (
			  select at.article_id as id, count(*) as tags from publishing.article_tag at
			  where at.tag_id in (select tag_id from publishing.article_tag where article_id = :id)
			    and at.article_id <> :id
			  group by at.article_id
			), scored as (
			  select a.id, a.published_at, a.storyline_id is not distinct from src.storyline_id and src.storyline_id is not null
			      as same_story,
			    coalesce(sh.tags, 0) as tags,
			    coalesce(ts_rank(a.search_head, src.q), 0) as text_rank
			  from publishing.article a cross join src left join shared sh on sh.id = a.id
			  where a.id in (
			    select a.id from publishing.article a, src where a.storyline_id = src.storyline_id
			    union all
			    select id from shared
			    union all
			    (select a.id from publishing.article a, src where a.search_head @@ src.q and %2$s
			     order by ts_rank(a.search_head, src.q) desc, a.published_at desc, a.id desc limit :limit))
			  and a.id <> :id and %2$s
			)
			select id from scored order by same_story desc, tags desc, text_rank desc, published_at desc, id desc
			limit :limit
			""";

	private final JdbcClient jdbc;

	RelatedArticlesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of up to {@code limit} published articles related to article
	 * {@code articleId}, best first.
	 */
	List<Long> related(long articleId, int limit, Instant now) {
		return jdbc.sql(SQL.formatted(ANY_HEAD_WORD, LIVE))
			.param("id", articleId)
			.param("limit", limit)
			.param("now", utc(now))
			.query(Long.class)
			.list();
	}

}
