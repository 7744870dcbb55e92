package org.backstory.publishing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authors and tags of a list of articles, each in its byline's order, read in two queries whatever the
 * list's length.
 */
record Bylines(Map<Long, List<AuthorRef>> authorsById, Map<Long, List<TagRef>> tagsById) {

	static Bylines of(JdbcClient jdbc, List<Long> ids) {
		if (ids.isEmpty()) {
			return new Bylines(Map.of(), Map.of());
		}
		Map<Long, List<AuthorRef>> authors = new HashMap<>();
		jdbc.sql("""
				select aa.article_id, au.slug, au.name from publishing.article_author aa
				join publishing.author au on au.id = aa.author_id
				where aa.article_id in (:ids) order by aa.article_id, aa.position
				""")
			.param("ids", ids)
			.query(rs -> {
				authors.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new AuthorRef(rs.getString(2), rs.getString(3)));
			});
		Map<Long, List<TagRef>> tags = new HashMap<>();
		jdbc.sql("""
				select at.article_id, t.slug, t.name from publishing.article_tag at
				join publishing.tag t on t.id = at.tag_id
				where at.article_id in (:ids) order by at.article_id, at.position
				""")
			.param("ids", ids)
			.query(rs -> {
				tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new TagRef(rs.getString(2), rs.getString(3)));
			});
		return new Bylines(authors, tags);
	}

	List<AuthorRef> authors(long id) {
		return authorsById.getOrDefault(id, List.of());
	}

	List<TagRef> tags(long id) {
		return tagsById.getOrDefault(id, List.of());
	}

}
