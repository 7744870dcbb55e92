package org.backstory.publishing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One article as {@link ArticleCatalogRepository} selects it, before its byline is
 * attached. Without the body, the html fields are empty, the SEO fields
 * {@link ArticleSeo#none()} and {@code meterExempt} false.
 */
record CatalogRow(long id, String slug, String title, String dek, @Nullable StorylineRef storyline,
		@Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt, Visibility visibility,
		String previewHtml, String gatedHtml, boolean onSite, ArticleSeo seo, boolean meterExempt) {

	static CatalogRow of(ResultSet rs, boolean withBody) throws SQLException {
		String storylineSlug = rs.getString("storyline_slug");
		StorylineRef storyline = storylineSlug == null ? null
				: new StorylineRef(storylineSlug, rs.getString("storyline_title"), rs.getInt("storyline_part"));
		return new CatalogRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("dek"),
				storyline, rs.getString("cover_image_url"), ArticleCatalogRepository.instant(rs, "published_at"),
				ArticleCatalogRepository.instant(rs, "updated_at"),
				visibility(rs.getString("visibility"), rs.getArray("visibility_tiers")),
				withBody ? rs.getString("preview_html") : "", withBody ? rs.getString("gated_html") : "",
				rs.getBoolean("on_site"),
				withBody ? new ArticleSeo(rs.getString("seo_title"), rs.getString("seo_description"),
						rs.getString("social_image_url")) : ArticleSeo.none(),
				withBody && rs.getBoolean("meter_exempt"));
	}

	private static Visibility visibility(String level, Array tiers) throws SQLException {
		String[] codes = (String[]) tiers.getArray();
		return new Visibility(Visibility.Level.valueOf(level.toUpperCase(Locale.ROOT)), Set.of(codes));
	}

}
