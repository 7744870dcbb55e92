package org.backstory.publishing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2026.12.09.11: moves every stored body written with the house format's
 * two headings into the background and now columns that {@code V2026_12_09_10} added,
 * with {@link HouseFormat#split}, and renders it again. It never shows readers without
 * access more than before: a public article moves whenever its body fits the format; a
 * gated one only when its paywall marker sits in the now part (then the preview ends at
 * the same place). A gated article without a marker (its preview was the capped opening,
 * which the format would widen to the whole background) or with the marker in its opening
 * or background stays a free-standing body, rendered as before; the editor tells the
 * writer how to move it into the format. {@code updated_at} is kept: the text did not
 * change.
 */
@Component
class SplitHouseFormat extends ArticleDataMigration {

	private static final Logger log = LoggerFactory.getLogger(SplitHouseFormat.class);

	private static final int BATCH = 100;

	private final ArticleRenderer renderer = new ArticleRenderer();

	SplitHouseFormat() {
		super("2026.12.09.11", "split house format");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		int split = 0;
		int kept = 0;
		try (PreparedStatement select = connection.prepareStatement("""
				select id, body_markdown, visibility <> 'public' as gated from publishing.article
				where background_markdown = '' and now_markdown = '' order by id""");
				PreparedStatement update = connection.prepareStatement("""
						update publishing.article set body_markdown = ?, background_markdown = ?, now_markdown = ?,
						  preview_html = ?, gated_html = ?, preview_capped = ? where id = ?""")) {
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					boolean gated = rows.getBoolean("gated");
					Optional<HouseText> parts = HouseFormat.parts(rows.getString("body_markdown"),
							HouseLabels.DEFAULTS);
					if (parts.isEmpty()) {
						continue;
					}
					if (gated && !renderer.cutsAtSamePlace(parts.get())) {
						kept++;
						continue;
					}
					RenderedBody body = renderer.render(parts.get(), gated, HouseLabels.DEFAULTS);
					update.setString(1, parts.get().body());
					update.setString(2, parts.get().background());
					update.setString(3, parts.get().now());
					update.setString(4, body.previewHtml());
					update.setString(5, body.gatedHtml());
					update.setBoolean(6, body.previewCapped());
					update.setLong(7, rows.getLong("id"));
					update.addBatch();
					if (++split % BATCH == 0) {
						update.executeBatch();
					}
				}
			}
			update.executeBatch();
		}
		log.info("House format split articles={} keptWhole={}", split, kept);
	}

}
