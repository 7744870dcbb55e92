package org.backstory.publishing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An article with everything the publication keeps about it, drafts included, for the
 * owner's export. The gated half stays a {@link GatedBody}: only the access module opens
 * it.
 *
 * @param id the article's id
 * @param slug its current slug
 * @param title the headline
 * @param dek the one-line summary
 * @param text the Markdown source the two halves are rendered from: the body, and a piece
 * in the house format's background and now part
 * @param previewHtml the sanitised preview
 * @param gatedBody the sanitised rest
 * @param status as stored: {@code draft}, {@code scheduled} or {@code published}
 * @param publishedAt when it went (or goes) live; null for a draft
 * @param onSite false for an article published for email only
 * @param visibility who may read all of it
 * @param coverImageUrl the cover image, or null
 * @param seo the search and social fields
 * @param storylineId the storyline it is a part of, or null
 * @param storylinePosition its ordering key in that storyline, or null
 * @param authorMayPublish the editor's switch letting its authors publish it
 * @param meterExempt whether an editor exempted this paid or tier article from the
 * free-article meters
 * @param authorIds its authors in byline order
 * @param tagIds its tags in display order (the first is the primary tag)
 * @param slugAliases the slugs it used to have, sorted
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record ArchivedArticle(long id, String slug, String title, String dek, HouseText text, String previewHtml,
		GatedBody gatedBody, String status, @Nullable Instant publishedAt, boolean onSite, Visibility visibility,
		@Nullable String coverImageUrl, ArticleSeo seo, @Nullable Long storylineId, @Nullable Integer storylinePosition,
		boolean authorMayPublish, boolean meterExempt, List<Long> authorIds, List<Long> tagIds,
		List<String> slugAliases, Instant createdAt, Instant updatedAt) {

	public ArchivedArticle {
		authorIds = List.copyOf(authorIds);
		tagIds = List.copyOf(tagIds);
		slugAliases = List.copyOf(slugAliases);
	}

	/** An author as the export lists them. */
	public record Author(long id, String slug, String name, String bio, @Nullable Long memberId, Instant createdAt) {
	}

	/** A tag with the slugs it used to have (sorted). */
	public record Tag(long id, String slug, String name, String description, List<String> aliases, Instant createdAt) {

		public Tag {
			aliases = List.copyOf(aliases);
		}

	}

	/** A storyline with the slugs it used to have (sorted). */
	public record Storyline(long id, String slug, String title, String description, List<String> aliases,
			Instant createdAt) {

		public Storyline {
			aliases = List.copyOf(aliases);
		}

	}

	/**
	 * A storyline event with when it was recorded.
	 *
	 * @param event the event as stored (its article, if any, by id)
	 * @param createdAt when an editor added it
	 */
	public record Event(StorylineEvent event, Instant createdAt) {
	}

	/**
	 * An entity with the articles whose editors rejected a mention of it (which a save
	 * cannot find again) and when it was created. Its mentions and quotes are not
	 * archived: every save derives them again from the article's text.
	 *
	 * @param entity the entity with its aliases
	 * @param rejectedIn the ids of the articles where a mention of it was rejected,
	 * ascending
	 * @param createdAt when it was created
	 */
	public record KnownEntity(Entity entity, List<Long> rejectedIn, Instant createdAt) {

		public KnownEntity {
			rejectedIn = List.copyOf(rejectedIn);
		}

	}

}
