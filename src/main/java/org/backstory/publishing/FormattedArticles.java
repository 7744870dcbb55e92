package org.backstory.publishing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Renders every article in the house format again, for a change of the section labels:
 * the labels are part of the stored halves, so that no channel composes them on its own.
 * Only the rendered halves change.
 */
@Component
class FormattedArticles {

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final ArticleRenderer renderer = new ArticleRenderer();

	FormattedArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Renders each article with a background or a now part again, 100 at a time; returns
	 * how many.
	 */
	int renderAgain(HouseLabels labels) {
		int rendered = 0;
		long after = 0;
		while (true) {
			List<Row> rows = jdbc.sql("""
					select id, body_markdown, background_markdown, now_markdown, visibility <> 'public' as gated
					from publishing.article where (background_markdown <> '' or now_markdown <> '') and id > ?
					order by id limit ?
					""")
				.params(after, BATCH)
				.query((rs, row) -> new Row(rs.getLong(1),
						new HouseText(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBoolean(5)))
				.list();
			for (Row row : rows) {
				RenderedBody body = renderer.render(row.text(), row.gated(), labels);
				jdbc.sql("update publishing.article set preview_html = ?, gated_html = ? where id = ?")
					.params(body.previewHtml(), body.gatedHtml(), row.id())
					.update();
				after = row.id();
				rendered++;
			}
			if (rows.size() < BATCH) {
				return rendered;
			}
		}
	}

	private record Row(long id, HouseText text, boolean gated) {
	}

}
