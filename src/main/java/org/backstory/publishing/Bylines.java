package org.backstory.publishing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authors and tags of a list of articles, each in its byline's order, read in two
 * queries whatever the list's length.
 */
record Bylines(Map<Long, List<AuthorRef>> authorsById, Map<Long, List<TagRef>> tagsById) {

	static Bylines of(JdbcClient jdbc, List<Long> ids) {
		if (ids.isEmpty()) {
			return new Bylines(Map.of(), Map.of());
		}
		Map<Long, List<AuthorRef>> authors = byArticle(jdbc, ids, "article_author", "author", "author_id",
				AuthorRef::new);
		Map<Long, List<TagRef>> tags = byArticle(jdbc, ids, "article_tag", "tag", "tag_id", TagRef::new);
		return new Bylines(authors, tags);
	}

	/**
	 * Each article's refs (slug and name) through a link table, in the byline's order.
	 */
	private static <T> Map<Long, List<T>> byArticle(JdbcClient jdbc, List<Long> ids, String link, String target,
			String targetId, BiFunction<String, String, T> ref) {
		Map<Long, List<T>> refs = new HashMap<>();
		jdbc.sql("""
				select l.article_id, x.slug, x.name from publishing.%s l
				join publishing.%s x on x.id = l.%s
				where l.article_id in (:ids) order by l.article_id, l.position
				""".formatted(link, target, targetId)).param("ids", ids).query(rs -> {
			refs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(ref.apply(rs.getString(2), rs.getString(3)));
		});
		return refs;
	}

	List<AuthorRef> authors(long id) {
		return authorsById.getOrDefault(id, List.of());
	}

	List<TagRef> tags(long id) {
		return tagsById.getOrDefault(id, List.of());
	}

}
