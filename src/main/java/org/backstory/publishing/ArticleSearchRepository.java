package org.backstory.publishing;

import static org.backstory.publishing.ArticleCatalogRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArticleSearch}, over the generated vectors of
 * {@code V2026_12_07_90}. A reader's query is three index scans glued with
 * {@code union all}: public articles on {@code search_whole}, gated articles within the
 * reader's reach on {@code search_whole}, other gated articles on {@code search_public}
 * (title, dek, tags and preview). Written that way, not as one {@code or}, so that each
 * branch is answered by its own partial GIN index, reads only the rows that match it, and
 * never reads a row's large vector again to filter it. Ranking reads only the small
 * {@code search_head} (title A, dek and tags B).
 */
@Component
class ArticleSearchRepository {

	/** The configuration the vectors were built with; queries must use the same one. */
	static final String QUERY = "websearch_to_tsquery('publishing.search', :q)";

	/**
	 * More matches than this are counted as "more than" it: no one pages that far (ten to
	 * a page, a hundred pages).
	 */
	static final int COUNT_LIMIT = 1000;

	private static final String LIVE = "a.status <> 'draft' and a.on_site and a.published_at <= :now";

	private static final String BRANCH = """
			select a.id, a.published_at, a.search_head from publishing.article a
			where %s and %s and %s and a.%s @@ %s""";

	private final JdbcClient jdbc;

	ArticleSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the query has anything to look for (a query of stop words only has not).
	 */
	boolean searchable(String query) {
		return jdbc.sql("select numnode(" + QUERY + ") > 0").param("q", query).query(Boolean.class).single();
	}

	/**
	 * The ids of one page of matches, best first, and how many match in all (at most
	 * {@link #COUNT_LIMIT} + 1).
	 * <p>
	 * Up to {@link #COUNT_LIMIT} matches are simply ordered. A common query (more than
	 * that) is answered in two parts that give the same order without ranking every
	 * match: the articles whose head holds a word of the query (found through the head's
	 * index, ranked), then the rest, which all rank zero, newest first, looked for among
	 * the newest {@link #WINDOW} articles one by one (a common word fills a page long
	 * before), and only if that window runs short, among all.
	 */
	Page find(SearchRequest request, Instant now) {
		// Each query is planned for its own words (see bench/README.md, member list): a
		// cached generic plan cannot
		// tell a common word from a rare one. Needs the caller's transaction.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		Map<String, Object> params = new HashMap<>();
		params.put("q", request.query());
		params.put("now", utc(now));
		params.put("countLimit", COUNT_LIMIT + 1);
		params.put("window", WINDOW);
		long total = jdbc
			.sql("select count(*) from (select 1 from (" + matches(request, params, "true")
					+ ") hits limit :countLimit) counted")
			.params(params)
			.query(Long.class)
			.single();
		boolean newest = request.order() == SearchOrder.NEWEST;
		if (total <= COUNT_LIMIT) {
			return new Page(page(matches(request, params, "true"), newest ? NEWEST_FIRST : RANKED, request.limit(),
					request.offset(), params), total);
		}
		if (newest) {
			return new Page(newestOf(request, params, "true", request.limit(), request.offset()), total);
		}
		String anyWord = "a.search_head @@ publishing.search_any(" + QUERY + ")";
		List<Long> ids = new ArrayList<>(
				page(matches(request, params, anyWord), RANKED, request.limit(), request.offset(), params));
		if (ids.size() < request.limit()) {
			long headHits = ids.isEmpty() ? headHits(request, params, anyWord) : request.offset() + ids.size();
			ids.addAll(newestOf(request, params, "not " + anyWord, request.limit() - ids.size(),
					Math.max(0, request.offset() - headHits)));
		}
		return new Page(ids, total);
	}

	/**
	 * How many of the newest articles a common query's page is first looked for in, one
	 * by one.
	 */
	static final int WINDOW = 2000;

	private static final String NEWEST_FIRST = "published_at desc, id desc";

	private static final String RANKED = "ts_rank(search_head, " + QUERY + ") desc, " + NEWEST_FIRST;

	/**
	 * A page of the newest matches that meet {@code condition}: from the window if it
	 * holds enough, else from all.
	 */
	private List<Long> newestOf(SearchRequest request, Map<String, Object> params, String condition, long limit,
			long offset) {
		String reach = inReach(request.reach(), params);
		List<Long> ids = jdbc.sql("""
				select id from (select a.id, a.published_at, a.visibility, a.visibility_tiers, a.search_head,
				    a.search_whole, a.search_public
				  from publishing.article a where %s and %s order by a.published_at desc, a.id desc limit :window) a
				where ((a.visibility = 'public' or %3$s) and a.search_whole @@ %4$s
				  or a.visibility <> 'public' and not %3$s and a.search_public @@ %4$s) and %5$s
				order by published_at desc, id desc limit :limit offset :offset
				""".formatted(LIVE, filters(request, params), reach, QUERY, condition))
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(Long.class)
			.list();
		return ids.size() == limit ? ids
				: page(matches(request, params, condition), NEWEST_FIRST, limit, offset, params);
	}

	private List<Long> page(String matches, String order, long limit, long offset, Map<String, Object> params) {
		return jdbc.sql("select id from (" + matches + ") hits order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(Long.class)
			.list();
	}

	/**
	 * How many articles match with a word of the query in their head, counted up to the
	 * request's offset.
	 */
	private long headHits(SearchRequest request, Map<String, Object> params, String anyWord) {
		if (request.offset() == 0) {
			return 0;
		}
		return jdbc
			.sql("select count(*) from (select 1 from (" + matches(request, params, anyWord)
					+ ") hits limit :headLimit) counted")
			.params(params)
			.param("headLimit", request.offset())
			.query(Long.class)
			.single();
	}

	/**
	 * Every article the reader matches that meets {@code condition}; selects
	 * {@code a.id, a.published_at, a.search_head}.
	 */
	private static String matches(SearchRequest request, Map<String, Object> params, String condition) {
		String filters = LIVE + " and " + filters(request, params) + " and " + condition;
		SearchReach reach = request.reach();
		String inReach = inReach(reach, params);
		List<String> branches = new ArrayList<>();
		branches.add(BRANCH.formatted("a.visibility = 'public'", filters, "true", "search_whole", QUERY));
		if (!inReach.equals("false")) {
			branches.add(BRANCH.formatted("a.visibility <> 'public'", filters, inReach, "search_whole", QUERY));
		}
		if (!(reach.members() && reach.paid() && reach.everyTier())) {
			branches
				.add(BRANCH.formatted("a.visibility <> 'public'", filters, "not " + inReach, "search_public", QUERY));
		}
		return String.join("\nunion all\n", branches);
	}

	/**
	 * The reach as a fixed condition on a gated article (only the tier codes are
	 * parameters), {@code false} when it reaches none, so that a branch no article can
	 * fall into is left out rather than run: an anonymous reader's search is two scans, a
	 * staff member's two.
	 */
	private static String inReach(SearchReach reach, Map<String, Object> params) {
		List<String> reached = new ArrayList<>();
		if (reach.members()) {
			reached.add("a.visibility = 'members'");
		}
		if (reach.paid()) {
			reached.add("a.visibility = 'paid'");
		}
		if (reach.everyTier()) {
			reached.add("a.visibility = 'tiers'");
		}
		else if (!reach.tiers().isEmpty()) {
			reached.add("(a.visibility = 'tiers' and a.visibility_tiers && cast(:tiers as text[]))");
			params.put("tiers", reach.tiers().toArray(String[]::new));
		}
		return reached.isEmpty() ? "false" : "(" + String.join(" or ", reached) + ")";
	}

	private static String filters(SearchRequest request, Map<String, Object> params) {
		List<String> where = new ArrayList<>(List.of("true"));
		SlugConditions.add(where, params, request.tagSlug(), request.authorSlug(), request.storylineSlug());
		return String.join(" and ", where);
	}

	/**
	 * The word of a published title, tag name or author name most like {@code word}
	 * (trigram similarity), if one is like it at all: the "did you mean" for misspelt
	 * names. Only what anyone may read is looked at.
	 */
	Optional<String> closestWord(String word, Instant now) {
		return jdbc.sql("""
				select candidate from (
				  select regexp_split_to_table(lower(a.title), '[^[:alnum:]]+') as candidate
				  from (select a.title from publishing.article a
				    where :word <%% lower(a.title) and %s limit 200) a
				  union
				  select regexp_split_to_table(lower(name), '[^[:alnum:]]+') from publishing.tag
				  union
				  select regexp_split_to_table(lower(name), '[^[:alnum:]]+') from publishing.author
				) words
				where char_length(candidate) >= 3 and similarity(candidate, :word) >= 0.3
				order by similarity(candidate, :word) desc, candidate limit 1
				""".formatted(LIVE)).param("word", word).param("now", utc(now)).query(String.class).optional();
	}

	/**
	 * {@code ts_headline} of each text for the query: the whole text when {@code whole}
	 * (a title), otherwise up to two fragments around the matches. Matches are delimited
	 * by the given marks, which the caller turns into HTML after escaping; the texts are
	 * plain text the caller was allowed to show.
	 */
	List<String> headlines(String query, List<String> texts, boolean whole, char start, char stop) {
		if (texts.isEmpty()) {
			return List.of();
		}
		String options = (whole ? "HighlightAll=true"
				: "MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=\" … \"") + ", StartSel=" + start
				+ ", StopSel=" + stop;
		return jdbc.sql("""
				select ts_headline('publishing.search', t.text, %s, :options)
				from unnest(cast(:texts as text[])) with ordinality as t(text, n) order by t.n
				""".formatted(QUERY))
			.param("q", query)
			.param("options", options)
			.param("texts", texts.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** One page of matching ids and the count of all matches. */
	record Page(List<Long> ids, long total) {
	}

}
