package org.backstory.imports;

import java.time.Instant;
import java.util.List;

import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * One post of an archive as it will be imported.
 *
 * @param where where it is in the archive (a JSON path or file name), for messages
 * @param sourceKey its id on the old platform, kept so a second import skips it
 * @param title the headline
 * @param slug the slug it had, made valid here if it was not
 * @param dek the custom excerpt or subtitle
 * @param text the text as Backstory stores it: Markdown whose blocks are the post's HTML,
 * split into the house format's parts by {@link org.backstory.publishing.HouseFormat}
 * (Backstory's own export carries its parts)
 * @param visibility who may read all of it
 * @param status what it becomes
 * @param publishedAt its publication time (null for a draft)
 * @param tags its public tags, in order
 * @param authors its authors, in byline order; empty means the importing staff member
 * @param coverImageUrl the feature image, kept as a link
 * @param seo the search and social fields
 * @param marker whether a paywall marker was found in it
 * @param storyline the storyline it is a part of (only Backstory's own export says), or
 * null
 * @param oldSlugs slugs it had before, which keep redirecting to it (only Backstory's own
 * export has them)
 * @param meterExempt whether the free-article meters never open it (only Backstory's own
 * export says; false when an older export lacks the field)
 * @param stamps its id, times and editor switch in Backstory's own export, kept when the
 * publication it is imported into is empty; null for other archives
 */
public record PlannedPost(String where, String sourceKey, String title, String slug, String dek, HouseText text,
		Visibility visibility, PostStatus status, @Nullable Instant publishedAt, List<PlannedTag> tags,
		List<PlannedAuthor> authors, @Nullable String coverImageUrl, ArticleSeo seo, boolean marker,
		@Nullable PlannedStoryline storyline, List<String> oldSlugs, boolean meterExempt,
		ArchiveRestore.@Nullable RestoredStamps stamps) {

	public PlannedPost {
		tags = List.copyOf(tags);
		authors = List.copyOf(authors);
		oldSlugs = List.copyOf(oldSlugs);
	}

	/**
	 * A storyline to create (or find) by slug, and the post's part in it.
	 *
	 * @param position the part from 1, or null for after the storyline's last part
	 */
	public record PlannedStoryline(String slug, String title, String description, @Nullable Integer position) {
	}

	/**
	 * A tag to create (or find) by slug.
	 *
	 * @param description what its page says about it, or empty
	 */
	public record PlannedTag(String slug, String name, String description) {
	}

	/**
	 * An author: the staff member with this address if there is one, otherwise a byline
	 * of its own by slug.
	 *
	 * @param email the address on the old platform, or empty
	 */
	public record PlannedAuthor(String slug, String name, String email, String bio) {
	}

}
