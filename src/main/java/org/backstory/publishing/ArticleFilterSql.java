package org.backstory.publishing;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link ArticleFilter} as a SQL condition on {@code publishing.article a}. Only fixed SQL is written here:
 * every value the caller gave becomes a named parameter ({@code :f0}, {@code :f1}, ...).
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
			return """
					exists (select 1 from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
					  where at.article_id = a.id and t.slug in (%s)%s)""".formatted(param(List.copyOf(tags.slugs())),
					tags.primary() ? " and at.position = (select min(p.position) from publishing.article_tag p "
							+ "where p.article_id = a.id)" : "");
		}
		if (filter instanceof ArticleFilter.AuthorIn authors) {
			return """
					exists (select 1 from publishing.article_author aa join publishing.author au on au.id = aa.author_id
					  where aa.article_id = a.id and au.slug in (%s)%s)""".formatted(param(List.copyOf(authors.slugs())),
					authors.primary() ? " and aa.position = (select min(p.position) from publishing.article_author p "
							+ "where p.article_id = a.id)" : "");
		}
		if (filter instanceof ArticleFilter.IdIn ids) {
			return "a.id in (" + param(List.copyOf(ids.ids())) + ")";
		}
		if (filter instanceof ArticleFilter.SlugIn slugs) {
			return "a.slug in (" + param(List.copyOf(slugs.slugs())) + ")";
		}
		if (filter instanceof ArticleFilter.VisibilityIn levels) {
			return "a.visibility in ("
					+ param(levels.levels().stream().map(level -> level.name().toLowerCase(Locale.ROOT)).toList()) + ")";
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
