package org.backstory.publishing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The authors and tags of a list of articles ({@link Bylines}), read in two queries
 * whatever the list's length.
 */
@Component
class BylineRepository {

	private final JdbcClient jdbc;

	BylineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The bylines of these articles. */
	Bylines of(List<Long> ids) {
		if (ids.isEmpty()) {
			return new Bylines(Map.of(), Map.of());
		}
		Map<Long, List<AuthorRef>> authors = byArticle(ids, "article_author", "author", "author_id", AuthorRef::new);
		Map<Long, List<TagRef>> tags = byArticle(ids, "article_tag", "tag", "tag_id", TagRef::new);
		return new Bylines(authors, tags);
	}

	/**
	 * Each article's refs (slug and name) through a link table, in the byline's order.
	 */
	private <T> Map<Long, List<T>> byArticle(List<Long> ids, String link, String target, String targetId,
			BiFunction<String, String, T> ref) {
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

}
