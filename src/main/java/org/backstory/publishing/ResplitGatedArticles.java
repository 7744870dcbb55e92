package org.backstory.publishing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2026.12.06.41: re-splits every gated article stored before issue 11
 * with the current {@link ArticleRenderer}. The old rule sent a gated article with fewer
 * than two top-level paragraphs and no marker whole to every reader, and let a link
 * defined below the marker resolve in the preview. As a migration it runs once, under
 * Flyway's lock (one node of several does it), before the application serves a request,
 * so no stored article stays open for a moment after the upgrade. Public articles are all
 * preview either way and are left alone, and so is {@code updated_at}: the text did not
 * change.
 */
@Component
class ResplitGatedArticles extends ArticleDataMigration {

	private static final Logger log = LoggerFactory.getLogger(ResplitGatedArticles.class);

	private static final int BATCH = 100;

	private final ArticleRenderer renderer = new ArticleRenderer();

	ResplitGatedArticles() {
		super("2026.12.06.41", "resplit gated articles");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		int resplit = 0;
		int capped = 0;
		try (PreparedStatement select = connection.prepareStatement(
				"select id, body_markdown from publishing.article where visibility <> 'public' order by id");
				PreparedStatement update = connection.prepareStatement(
						"update publishing.article set preview_html = ?, gated_html = ?, preview_capped = ? where id = ?")) {
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					RenderedBody body = renderer.render(rows.getString("body_markdown"));
					update.setString(1, body.previewHtml());
					update.setString(2, body.gatedHtml());
					update.setBoolean(3, body.previewCapped());
					update.setLong(4, rows.getLong("id"));
					update.addBatch();
					capped += body.previewCapped() ? 1 : 0;
					if (++resplit % BATCH == 0) {
						update.executeBatch();
					}
				}
			}
			update.executeBatch();
		}
		log.info("Gated articles re-split articles={} capped={}", resplit, capped);
	}

}
