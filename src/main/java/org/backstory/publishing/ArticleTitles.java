package org.backstory.publishing;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Articles by id, for other modules that keep article ids (where a reader signed up or
 * subscribed). Drafts do not count: a reader can only have been on an article that is
 * published or scheduled.
 */
@Service
public class ArticleTitles {

	private final JdbcClient jdbc;

	ArticleTitles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether this id is a published or scheduled article. */
	public boolean exists(long articleId) {
		return jdbc.sql("select exists (select 1 from publishing.article where id = :id and status <> 'draft')")
			.param("id", articleId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The titles of those of these ids that are published or scheduled articles, by id.
	 */
	public Map<Long, ArticleTitle> titles(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, slug, title from publishing.article where id in (:ids) and status <> 'draft'")
			.param("ids", articleIds)
			.query((rs, row) -> new ArticleTitle(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(ArticleTitle::id, Function.identity()));
	}

}
