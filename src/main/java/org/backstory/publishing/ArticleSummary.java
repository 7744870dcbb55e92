package org.backstory.publishing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A published article as a list shows it (home, tag, author, storyline, sitemap):
 * everything but the body.
 *
 * @param id the article's id
 * @param slug its current URL slug ({@code /p/{slug}})
 * @param title the headline
 * @param dek the one-line summary
 * @param authors in byline order
 * @param tags in display order
 * @param storyline the storyline it belongs to, with its part number, if any
 * @param coverImageUrl optional cover image
 * @param publishedAt when it went live
 * @param updatedAt when it was last changed
 * @param visibility who may read all of it (for the lock mark)
 */
public record ArticleSummary(long id, String slug, String title, String dek, List<AuthorRef> authors, List<TagRef> tags,
		@Nullable StorylineRef storyline, @Nullable String coverImageUrl, Instant publishedAt, Instant updatedAt,
		Visibility visibility) {

	public ArticleSummary {
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
	}

}
