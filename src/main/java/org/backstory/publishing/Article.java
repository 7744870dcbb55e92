package org.backstory.publishing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A published article as other modules see it. The free preview is plain HTML; the rest
 * is a {@link GatedBody} that only the access module opens.
 *
 * @param id the article's id
 * @param slug its current URL slug ({@code /p/{slug}})
 * @param title the headline
 * @param dek the one-line summary under the headline
 * @param authors in byline order
 * @param tags in display order
 * @param storyline the storyline it belongs to, if any
 * @param coverImageUrl optional cover image
 * @param publishedAt when it went (or goes) live
 * @param updatedAt when it was last changed
 * @param visibility who may read all of it
 * @param previewHtml sanitised HTML everyone may read: all of a public article; of a
 * gated one, up to the {@code <!-- paywall -->} line or, without one, its opening capped
 * so that most of it stays gated ({@code PreviewCut})
 * @param gatedBody sanitised HTML after the preview; never empty for a gated article with
 * anything in it
 * @param onSite false for an article published for email only, which has no page on the
 * site; only {@link ArticleCatalog#forSending} returns such an article
 * @param seo what search engines and social networks are shown (public fields only)
 * @param meterExempt whether an editor marked this paid or tier article as never opened
 * by the free-article meters (the anonymous meter and a free member's); always false for
 * other visibilities
 */
public record Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
		@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
		Visibility visibility, String previewHtml, GatedBody gatedBody, boolean onSite, ArticleSeo seo,
		boolean meterExempt) {

	public Article {
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
	}

	/** An article the meters may open. */
	public Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
			@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
			Visibility visibility, String previewHtml, GatedBody gatedBody, boolean onSite, ArticleSeo seo) {
		this(id, slug, title, dek, authors, tags, storyline, coverImageUrl, publishedAt, updatedAt, visibility,
				previewHtml, gatedBody, onSite, seo, false);
	}

	/** An article without search or social fields of its own. */
	public Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
			@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
			Visibility visibility, String previewHtml, GatedBody gatedBody, boolean onSite) {
		this(id, slug, title, dek, authors, tags, storyline, coverImageUrl, publishedAt, updatedAt, visibility,
				previewHtml, gatedBody, onSite, ArticleSeo.none());
	}

	/** The title for search results and shares: the SEO title, or the headline. */
	public String seoTitle() {
		return seo.title().isEmpty() ? title : seo.title();
	}

	/** The description for search results and shares: the SEO description, or the dek. */
	public String seoDescription() {
		return seo.description().isEmpty() ? dek : seo.description();
	}

	/** The image for shares: the social image, or the cover image, or null. */
	public @Nullable String socialImageUrl() {
		return seo.socialImageUrl() != null ? seo.socialImageUrl() : coverImageUrl;
	}

	/** An article on the site. */
	public Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
			@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
			Visibility visibility, String previewHtml, GatedBody gatedBody) {
		this(id, slug, title, dek, authors, tags, storyline, coverImageUrl, publishedAt, updatedAt, visibility,
				previewHtml, gatedBody, true);
	}

}
