package org.backstory.publishing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One article as staff see it in a list: whatever its status.
 *
 * @param status {@code draft}, {@code scheduled} or {@code published}
 * @param publishedAt when it went or goes live; null for a draft
 * @param onSite false for an email-only article
 * @param previewCapped whether the article is gated without a usable paywall marker and
 * its preview was cut short
 */
public record ArticleStatusLine(long id, String slug, String title, String status, @Nullable Instant publishedAt,
		boolean onSite, Visibility visibility, boolean previewCapped) {

	/**
	 * The status as staff should read it at {@code now}: an article scheduled for a time
	 * that has come is published (its row keeps saying {@code scheduled}).
	 */
	public String statusAt(Instant now) {
		return "scheduled".equals(status) && publishedAt != null && !publishedAt.isAfter(now) ? "published" : status;
	}

	/**
	 * What to tell staff before they publish an article whose preview was capped, or
	 * null.
	 */
	public @Nullable String paywallWarning() {
		return previewCapped ? RenderedBody.CAPPED_PREVIEW_WARNING : null;
	}

}
