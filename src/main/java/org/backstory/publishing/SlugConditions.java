package org.backstory.publishing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The article list's "tagged", "by" and "in storyline" conditions on
 * {@code publishing.article a}, by slug, as both reader search and the staff article list
 * filter: each adds its SQL to {@code where} and its value to {@code params}, only when
 * given.
 */
final class SlugConditions {

	private SlugConditions() {
	}

	static void add(List<String> where, Map<String, Object> params, @Nullable String tag, @Nullable String author,
			@Nullable String storyline) {
		if (tag != null) {
			where.add("""
					exists (select 1 from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
					  where at.article_id = a.id and t.slug = :tag)""");
			params.put("tag", tag);
		}
		if (author != null) {
			where.add("""
					exists (select 1 from publishing.article_author aa join publishing.author au on au.id = aa.author_id
					  where aa.article_id = a.id and au.slug = :author)""");
			params.put("author", author);
		}
		if (storyline != null) {
			where.add("a.storyline_id = (select id from publishing.storyline where slug = :storyline)");
			params.put("storyline", storyline);
		}
	}

}
