package org.backstory.publishing;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An {@link ArticleFilter} as a SQL condition on {@code publishing.article a}. Only fixed
 * SQL is written here: every value the caller gave becomes a named parameter
 * ({@code :f0}, {@code :f1}, ...).
 */
final class ArticleFilterSql {

	private final Map<String, Object> params = new HashMap<>();

	private final String condition;

	ArticleFilterSql(ArticleFilter filter) {
		this.condition = sql(filter);
	}

	String condition() {
		return condition;
	}

	Map<String, Object> params() {
		return params;
	}

	private String sql(ArticleFilter filter) {
		if (filter instanceof ArticleFilter.All all) {
			return join(all.parts(), " and ", "true");
		}
		if (filter instanceof ArticleFilter.Any any) {
			return join(any.parts(), " or ", "false");
		}
		if (filter instanceof ArticleFilter.Not not) {
			return "not (" + sql(not.filter()) + ")";
		}
		if (filter instanceof ArticleFilter.TagIn tags) {
			return linkedBySlug("article_tag", "tag", "tag_id", tags.slugs(), tags.primary());
		}
		if (filter instanceof ArticleFilter.AuthorIn authors) {
			return linkedBySlug("article_author", "author", "author_id", authors.slugs(), authors.primary());
		}
		if (filter instanceof ArticleFilter.EntityIn entities) {
			return """
					exists (select 1 from publishing.article_mention m join publishing.entity e on e.id = m.entity_id
					  where m.article_id = a.id and not m.gated and e.slug in (%s))"""
				.formatted(param(List.copyOf(entities.slugs())));
		}
		if (filter instanceof ArticleFilter.IdIn ids) {
			return "a.id in (" + param(List.copyOf(ids.ids())) + ")";
		}
		if (filter instanceof ArticleFilter.SlugIn slugs) {
			return "a.slug in (" + param(List.copyOf(slugs.slugs())) + ")";
		}
		if (filter instanceof ArticleFilter.VisibilityIn levels) {
			return "a.visibility in ("
					+ param(levels.levels().stream().map(level -> level.name().toLowerCase(Locale.ROOT)).toList())
					+ ")";
		}
		if (filter instanceof ArticleFilter.PublishedAt at) {
			return "a.published_at " + at.comparison().sql + " " + param(Timestamp.from(at.instant()));
		}
		ArticleFilter.TitleMatch title = (ArticleFilter.TitleMatch) filter;
		String text = param(title.text());
		return switch (title.match()) {
			case CONTAINS -> "strpos(lower(a.title), lower(" + text + ")) > 0";
			case STARTS -> "starts_with(lower(a.title), lower(" + text + "))";
			case ENDS -> "right(lower(a.title), char_length(" + text + ")) = lower(" + text + ")";
		};
	}

	/**
	 * The article has one of these slugs among its tags or authors (through the link
	 * table {@code link}), or as its first one when {@code primary}.
	 */
	private String linkedBySlug(String link, String target, String targetId, Set<String> slugs, boolean primary) {
		return """
				exists (select 1 from publishing.%1$s l join publishing.%2$s x on x.id = l.%3$s
				  where l.article_id = a.id and x.slug in (%4$s)%5$s)""".formatted(link, target, targetId,
				param(List.copyOf(slugs)),
				primary ? " and l.position = (select min(p.position) from publishing.%s p ".formatted(link)
						+ "where p.article_id = a.id)" : "");
	}

	private String join(List<ArticleFilter> parts, String operator, String empty) {
		if (parts.isEmpty()) {
			return empty;
		}
		StringBuilder sql = new StringBuilder();
		for (ArticleFilter part : parts) {
			sql.append(sql.isEmpty() ? "(" : operator + "(").append(sql(part)).append(')');
		}
		return sql.toString();
	}

	private String param(Object value) {
		String name = "f" + params.size();
		params.put(name, value);
		return ":" + name;
	}

}
