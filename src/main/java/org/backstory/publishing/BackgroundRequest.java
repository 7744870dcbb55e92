package org.backstory.publishing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The article being written, as the editor's form holds it, for
 * {@link BackgroundSuggestions}.
 *
 * @param articleId the saved article's id, or null for one not yet saved
 * @param storylineSlug the storyline chosen in the form, or null
 * @param title the headline as typed
 * @param dek the dek as typed
 * @param text the opening or free-standing body, background and now part as typed
 * @param tagSlugs the tags as typed
 */
public record BackgroundRequest(@Nullable Long articleId, @Nullable String storylineSlug, String title, String dek,
		HouseText text, List<String> tagSlugs) {

	public BackgroundRequest {
		tagSlugs = List.copyOf(tagSlugs);
	}

}
