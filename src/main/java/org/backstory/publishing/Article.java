package org.backstory.publishing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A published article as other modules see it. The free preview is plain HTML; the rest is a
 * {@link GatedBody} that only the access module opens.
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
 * @param previewHtml sanitised HTML everyone may read: up to the {@code <!-- paywall -->} line, or the first two
 * paragraphs
 * @param gatedBody sanitised HTML after the preview
 * @param onSite false for an article published for email only, which has no page on the site; only
 * {@link ArticleCatalog#forSending} returns such an article
 */
public record Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
		@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
		Visibility visibility, String previewHtml, GatedBody gatedBody, boolean onSite) {

	public Article {
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
	}

	/** An article on the site. */
	public Article(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
			@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
			Visibility visibility, String previewHtml, GatedBody gatedBody) {
		this(id, slug, title, dek, authors, tags, storyline, coverImageUrl, publishedAt, updatedAt, visibility,
				previewHtml, gatedBody, true);
	}

}
