package org.backstory.publishing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the publishing module's tables, for other modules' tests: they
 * count, read and put back articles, tags, authors, entities and storyline events through
 * it instead of running SQL on {@code publishing.*}. It may run SQL on publishing's own
 * tables: it is publishing's test code.
 */
public final class PublishingProbe {

	private PublishingProbe() {
	}

	/** How many articles there are, in any state. */
	public static long articleCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from publishing.article").query(Long.class).single();
	}

	/** How many articles have a slug {@code like} the pattern. */
	public static long articlesWithSlugLike(JdbcClient jdbc, String pattern) {
		return jdbc.sql("select count(*) from publishing.article where slug like :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.single();
	}

	/**
	 * How many articles have a title {@code like} the pattern (a title with no % is
	 * exact).
	 */
	public static long articlesWithTitleLike(JdbcClient jdbc, String pattern) {
		return jdbc.sql("select count(*) from publishing.article where title like :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.single();
	}

	/** The house-format parts of the article titled {@code title}, by column. */
	public static Map<String, Object> houseFormatParts(JdbcClient jdbc, String title) {
		return jdbc
			.sql("select body_markdown, background_markdown, now_markdown from publishing.article where title = ?")
			.param(title)
			.query()
			.singleRow();
	}

	/**
	 * Up to {@code count} article ids in random order, for benchmarks that pick articles.
	 */
	public static List<Long> randomArticleIds(JdbcClient jdbc, int count) {
		return jdbc.sql("select id from publishing.article order by random() limit :n")
			.param("n", count)
			.query(Long.class)
			.list();
	}

	/** The slugs of the parts of the storyline {@code storylineSlug}, in order. */
	public static List<String> storylinePartSlugs(JdbcClient jdbc, String storylineSlug) {
		return jdbc.sql("""
				select a.slug from publishing.article a join publishing.storyline s on s.id = a.storyline_id
				where s.slug = ? order by a.storyline_position""").param(storylineSlug).query(String.class).list();
	}

	/** How many tags have a name {@code like} the pattern (a name with no % is exact). */
	public static long tagsWithNameLike(JdbcClient jdbc, String pattern) {
		return jdbc.sql("select count(*) from publishing.tag where name like :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.single();
	}

	/** How many tags there are. */
	public static long tagCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from publishing.tag").query(Long.class).single();
	}

	/**
	 * Every mention and quote, one line: the mentions (article, entity, gated) then the
	 * quotes, for comparing two databases.
	 */
	public static String mentionsAndQuotes(JdbcClient jdbc) {
		return jdbc
			.sql("""
					select string_agg(format('%s %s %s', article_id, entity_id, gated), ',' order by article_id, entity_id)
					  || ' / ' || (select string_agg(format('%s %s %s %s %s', article_id, entity_id, text, said_on, gated), ','
					    order by article_id, position) from publishing.quote)
					from publishing.article_mention""")
			.query(String.class)
			.single();
	}

	/**
	 * Lets the author of the article {@code slug} publish it, as an editor would allow.
	 */
	public static void letAuthorPublish(JdbcClient jdbc, String slug) {
		jdbc.sql("update publishing.article set author_may_publish = true where slug = ?").param(slug).update();
	}

	/**
	 * Whether an editor exempted the article {@code slug} from the free-article meters.
	 */
	public static boolean meterExempt(JdbcClient jdbc, String slug) {
		return jdbc.sql("select meter_exempt from publishing.article where slug = ?")
			.param(slug)
			.query(Boolean.class)
			.single();
	}

	/** Sets the cover image of the article {@code slug}. */
	public static void setCoverImage(JdbcClient jdbc, String slug, String url) {
		jdbc.sql("update publishing.article set cover_image_url = ? where slug = ?").params(url, slug).update();
	}

	/** Removes the articles with these ids. */
	public static void forgetArticles(JdbcClient jdbc, Collection<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("delete from publishing.article where id in (:ids)").param("ids", ids).update();
		}
	}

	/** Removes the articles whose title is {@code like} the pattern. */
	public static void forgetArticlesWithTitleLike(JdbcClient jdbc, String pattern) {
		jdbc.sql("delete from publishing.article where title like :pattern").param("pattern", pattern).update();
	}

	/**
	 * Removes the articles written by the author of {@code memberId} or titled
	 * {@code like} the pattern, then that author.
	 */
	public static void forgetArticlesAndAuthor(JdbcClient jdbc, long memberId, String titlePattern) {
		jdbc.sql(
				"""
						delete from publishing.article a where exists (select 1 from publishing.article_author aa
						  join publishing.author au on au.id = aa.author_id where aa.article_id = a.id and au.member_id = :member)
						  or a.title like :title
						""")
			.param("member", memberId)
			.param("title", titlePattern)
			.update();
		forgetAuthor(jdbc, memberId);
	}

	/** Removes the author of {@code memberId}. */
	public static void forgetAuthor(JdbcClient jdbc, long memberId) {
		jdbc.sql("delete from publishing.author where member_id = :member").param("member", memberId).update();
	}

	/** Removes the tags whose name is {@code like} the pattern. */
	public static void forgetTagsWithNameLike(JdbcClient jdbc, String pattern) {
		jdbc.sql("delete from publishing.tag where name like :pattern").param("pattern", pattern).update();
	}

	/** Removes the storylines whose slug is {@code like} the pattern. */
	public static void forgetStorylinesWithSlugLike(JdbcClient jdbc, String pattern) {
		jdbc.sql("delete from publishing.storyline where slug like :pattern").param("pattern", pattern).update();
	}

	/** Removes the timeline events of the storyline {@code storylineId}. */
	public static void forgetStorylineEvents(JdbcClient jdbc, long storylineId) {
		jdbc.sql("delete from publishing.storyline_event where storyline_id = ?").param(storylineId).update();
	}

	/** Removes the entities with these ids, with their aliases, mentions and quotes. */
	public static void forgetEntities(JdbcClient jdbc, Collection<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("delete from publishing.entity where id in (:ids)").param("ids", ids).update();
		}
	}

}
