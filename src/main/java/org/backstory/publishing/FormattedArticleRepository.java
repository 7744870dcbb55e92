package org.backstory.publishing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link FormattedArticles}: articles in the house format, a batch at a
 * time, and their rendered halves.
 */
@Component
class FormattedArticleRepository {

	private final JdbcClient jdbc;

	FormattedArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An article's text in the house format and whether readers without access are cut.
	 */
	record Formatted(long id, HouseText text, boolean gated) {
	}

	/**
	 * Up to {@code limit} articles with a background or a now part, by id, after id
	 * {@code after}.
	 */
	List<Formatted> after(long after, int limit) {
		return jdbc.sql("""
				select id, body_markdown, background_markdown, now_markdown, visibility <> 'public' as gated
				from publishing.article where (background_markdown <> '' or now_markdown <> '') and id > ?
				order by id limit ?
				""")
			.params(after, limit)
			.query((rs, row) -> new Formatted(rs.getLong(1),
					new HouseText(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	void setRendered(long id, RenderedBody body) {
		jdbc.sql("update publishing.article set preview_html = ?, gated_html = ? where id = ?")
			.params(body.previewHtml(), body.gatedHtml(), id)
			.update();
	}

}
