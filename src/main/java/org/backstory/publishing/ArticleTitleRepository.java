package org.backstory.publishing;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArticleTitles}: published or scheduled articles by id.
 */
@Component
class ArticleTitleRepository {

	private final JdbcClient jdbc;

	ArticleTitleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(long articleId) {
		return jdbc.sql("select exists (select 1 from publishing.article where id = :id and status <> 'draft')")
			.param("id", articleId)
			.query(Boolean.class)
			.single();
	}

	List<ArticleTitle> titles(Collection<Long> articleIds) {
		return jdbc.sql("select id, slug, title from publishing.article where id in (:ids) and status <> 'draft'")
			.param("ids", articleIds)
			.query((rs, row) -> new ArticleTitle(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
