package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backstory.shared.ListSort;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff article list's SQL: every article in any status (drafts included), filtered,
 * and searched over the same full-text index as the readers' search
 * ({@code search_whole}: staff read every article whole) or by a piece of the title; by
 * relevance when searching, otherwise most recently changed first, unless the query asks
 * for a sort.
 */
@Component
class StaffArticleListRepository {

	/** Each of {@link ArticleQuery#SORTABLE}'s columns in SQL; the id breaks ties. */
	private static final Map<String, String> ORDER = Map.of("title", "lower(a.title)", "status",
			ArticleDeskRepository.STATUS, "when", "coalesce(a.published_at, a.updated_at)", "authors", "authors",
			"visibility", "a.visibility", "updated", "a.updated_at");

	private final JdbcClient jdbc;

	StaffArticleListRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ArticleListing list(ArticleQuery query, @Nullable Long onlyMember, Instant now) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		params.put("now", utc(now));
		if (query.status() != null) {
			where.add(ArticleDeskRepository.STATUS + " = :status");
			params.put("status", query.status());
		}
		SlugConditions.add(where, params, query.tagSlug(), query.authorSlug(), query.storylineSlug());
		if (query.visibility() != null) {
			where.add("a.visibility = :visibility");
			params.put("visibility", query.visibility());
		}
		ListSort sort = query.sort() == null ? ArticleQuery.LAST_CHANGED : query.sort();
		String order = ORDER.get(sort.column()) + " " + sort.direction() + ", a.id " + sort.direction();
		if (query.search() != null) {
			// Each arm names the partial index that answers it (see V2026_12_07_90); the
			// title's trigram index
			// answers the piece of a title or slug (titles usually hold their slug's
			// words).
			where
				.add("""
						((a.visibility = 'public' and a.search_whole @@ %1$s) or (a.visibility <> 'public' and a.search_whole @@ %1$s)
						  or lower(a.title) like :piece)"""
					.formatted(ArticleSearchRepository.QUERY));
			params.put("q", query.search());
			params.put("piece",
					"%" + query.search()
						.toLowerCase(Locale.ROOT)
						.replace("\\", "\\\\")
						.replace("%", "\\%")
						.replace("_", "\\_") + "%");
			if (query.sort() == null) {
				order = "ts_rank(a.search_head, " + ArticleSearchRepository.QUERY + ") desc, " + order;
			}
		}
		if (onlyMember != null) {
			where.add(ArticleDeskRepository.OWN);
			params.put("member", onlyMember);
		}
		String filter = where.isEmpty() ? "" : "where " + String.join(" and ", where);
		long total = jdbc.sql("select count(*) from publishing.article a " + filter)
			.params(params)
			.query(Long.class)
			.single();
		// A page past the last shows the last: any number typed into the address stays a
		// valid offset.
		int page = (int) Math.min(query.page(),
				Math.max(1, (total + ArticleQuery.PAGE_SIZE - 1) / ArticleQuery.PAGE_SIZE));
		params.put("limit", ArticleQuery.PAGE_SIZE);
		params.put("offset", (page - 1) * ArticleQuery.PAGE_SIZE);
		List<ArticleRow> rows = jdbc.sql("""
				select a.id, a.slug, a.title, %s as shown_status, a.published_at, a.updated_at, a.visibility,
				  a.visibility_tiers,
				  coalesce((select string_agg(au.name, ', ' order by aa.position) from publishing.article_author aa
				    join publishing.author au on au.id = aa.author_id where aa.article_id = a.id), '') as authors
				from publishing.article a %s
				order by %s limit :limit offset :offset
				""".formatted(ArticleDeskRepository.STATUS, filter, order))
			.params(params)
			.query((rs, row) -> new ArticleRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
					rs.getString("shown_status"), ArticleDeskRepository.instantOrNull(rs, "published_at"),
					ArticleDeskRepository.instantOrNull(rs, "updated_at"), ArticleDeskRepository.visibility(rs),
					rs.getString("authors")))
			.list();
		return new ArticleListing(rows, page, total);
	}

}
